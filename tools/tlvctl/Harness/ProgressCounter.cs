using System;

namespace NanoTlv.Cli.Harness
{
    /// <summary>Counts verified PING replies over a run and reports every few.</summary>
    internal sealed class ProgressCounter
    {
        private const int ReportEvery = 16;

        private readonly IProgress<HarnessProgress>? _progress;
        private readonly int _total;
        private int _verified;

        public ProgressCounter(IProgress<HarnessProgress>? progress, int total)
        {
            _progress = progress;
            _total = total;
        }

        public void Advance(string strategy)
        {
            _verified++;
            if (_progress is not null && (_verified % ReportEvery == 0 || _verified == _total))
            {
                _progress.Report(new HarnessProgress(strategy, _verified, _total));
            }
        }
    }
}
