using System;

namespace NanoTlv.PortableTests.Runner
{
    /// <summary>The outcome of <see cref="PortableCaseRunner.RunAll"/>.</summary>
    public sealed class PortableRunSummary
    {
        private string _failures = string.Empty;

        /// <summary>Cases that passed.</summary>
        public int Passed { get; private set; }

        /// <summary>Cases that threw.</summary>
        public int Failed { get; private set; }

        /// <summary>One line per failed case: its name, the exception type and message.</summary>
        public string Failures => _failures;

        /// <summary>A one-line count, e.g. <c>"48 passed, 0 failed"</c>.</summary>
        /// <returns>The count.</returns>
        public override string ToString() => Passed + " passed, " + Failed + " failed";

        /// <summary>Counts a passed case.</summary>
        internal void RecordPass() => Passed++;

        /// <summary>Counts a failed case and keeps its message.</summary>
        /// <param name="caseName">The qualified case name.</param>
        /// <param name="error">What it threw.</param>
        internal void RecordFailure(string caseName, Exception error)
        {
            Failed++;
            string line = caseName + ": " + error.GetType().Name + ": " + error.Message;
            _failures = _failures.Length == 0 ? line : _failures + "\n" + line;
        }
    }
}
