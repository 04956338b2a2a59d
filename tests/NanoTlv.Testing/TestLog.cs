using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NanoTlv.Firmware;

namespace NanoTlv.Testing
{
    /// <summary>
    /// The log double: an <see cref="ILog"/> that keeps the device's lines for assertions, thread-safe.
    /// Lines read <c>INFO message</c> and <c>ERROR message</c>. With a capacity it keeps only the newest lines,
    /// so long runs do not grow memory; <see cref="Count"/> still counts every line and
    /// <see cref="Errors"/> keeps every error message.
    /// </summary>
    public sealed class TestLog : ILog
    {
        private readonly object _sync = new();
        private readonly Queue<string> _lines = new();
        private readonly ConcurrentQueue<string> _errors = new();
        private readonly int _capacity;
        private readonly bool _keepsInfo;
        private long _count;

        /// <summary>Keeps every line.</summary>
        public TestLog()
            : this(int.MaxValue)
        {
        }

        /// <summary>Keeps the newest <paramref name="capacity"/> lines.</summary>
        /// <param name="capacity">Lines kept in <see cref="Lines"/> (at least 0).</param>
        public TestLog(int capacity)
            : this(capacity, keepsInfo: true)
        {
        }

        private TestLog(int capacity, bool keepsInfo)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(capacity);
            _capacity = capacity;
            _keepsInfo = keepsInfo;
        }

        /// <summary>Lines logged so far, kept or not.</summary>
        public long Count => Interlocked.Read(ref _count);

        /// <summary>Error lines logged so far.</summary>
        public long ErrorCount => _errors.Count;

        /// <summary>The kept lines, oldest first, each with its level in front.</summary>
        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_sync)
                {
                    return _lines.ToArray();
                }
            }
        }

        /// <summary>Every error message logged so far (without the level), oldest first.</summary>
        public IReadOnlyList<string> Errors => _errors.ToArray();

        /// <summary>
        /// A log that stores only errors: info lines are counted and dropped without allocating, so the core's
        /// per-connection lines neither flood a benchmark nor weigh on its allocation figures.
        /// </summary>
        /// <returns>The log.</returns>
        public static TestLog ErrorsOnly() => new(0, keepsInfo: false);

        /// <inheritdoc />
        public void Info(string message)
        {
            Interlocked.Increment(ref _count);
            if (_keepsInfo)
            {
                Keep("INFO " + message);
            }
        }

        /// <inheritdoc />
        public void Error(string message)
        {
            Interlocked.Increment(ref _count);
            _errors.Enqueue(message);
            Keep("ERROR " + message);
        }

        /// <summary>True when a kept line contains <paramref name="text"/> (ordinal).</summary>
        /// <param name="text">The text to look for.</param>
        /// <returns>Whether it was logged (and is still kept).</returns>
        public bool Contains(string text) => Lines.Any(line => line.Contains(text, StringComparison.Ordinal));

        /// <summary>Throws when an error was logged: a device that logged an error during a measurement broke something.</summary>
        /// <exception cref="InvalidOperationException">One was; the message quotes the first.</exception>
        public void ThrowIfErrorLogged()
        {
            if (_errors.TryPeek(out string? first))
            {
                throw new InvalidOperationException("The device logged an error: " + first);
            }
        }

        /// <summary>The newest 40 kept lines, for failure messages.</summary>
        /// <returns>One line each.</returns>
        public override string ToString() => string.Join(Environment.NewLine, Lines.TakeLast(40));

        private void Keep(string line)
        {
            lock (_sync)
            {
                _lines.Enqueue(line);
                while (_lines.Count > _capacity)
                {
                    _lines.Dequeue();
                }
            }
        }
    }
}
