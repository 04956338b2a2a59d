using System;

namespace NanoTlv.Cli.Output
{
    /// <summary>An <see cref="IProgress{T}"/> that runs its action on the reporting thread (unlike
    /// <see cref="Progress{T}"/>, which posts to a context), so the progress bar never lags the run.</summary>
    /// <typeparam name="T">The progress value.</typeparam>
    internal sealed class ActionProgress<T> : IProgress<T>
    {
        private readonly Action<T> _report;

        public ActionProgress(Action<T> report) => _report = report;

        public void Report(T value) => _report(value);
    }
}
