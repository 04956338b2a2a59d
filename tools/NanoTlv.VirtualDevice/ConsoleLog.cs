using System;
using System.Globalization;
using System.IO;
using NanoTlv.Firmware;

namespace NanoTlv.VirtualDevice
{
    /// <summary>
    /// An <see cref="ILog"/> for host processes: one line per message with a local timestamp, a level and a
    /// source name, e.g. <c>14:03:07.125 INFO  device: slot 0: connected</c>. Thread-safe.
    /// </summary>
    public sealed class ConsoleLog : ILog
    {
        private readonly TextWriter _writer;
        private readonly string _source;
        private readonly object _sync = new();

        /// <summary>Writes to the console's standard output.</summary>
        /// <param name="source">Name printed on every line (e.g. "device").</param>
        public ConsoleLog(string source)
            : this(Console.Out, source)
        {
        }

        /// <summary>Writes to <paramref name="writer"/>.</summary>
        /// <param name="writer">Destination.</param>
        /// <param name="source">Name printed on every line.</param>
        public ConsoleLog(TextWriter writer, string source)
        {
            ArgumentNullException.ThrowIfNull(writer);
            ArgumentNullException.ThrowIfNull(source);
            _writer = writer;
            _source = source;
        }

        /// <inheritdoc />
        public void Info(string message) => Write("INFO ", message);

        /// <inheritdoc />
        public void Error(string message) => Write("ERROR", message);

        private void Write(string level, string message)
        {
            string stamp = DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
            lock (_sync)
            {
                _writer.WriteLine(stamp + " " + level + " " + _source + ": " + message);
                _writer.Flush();
            }
        }
    }
}
