using System;

namespace NanoTlv.Firmware.Esp32
{
    /// <summary>
    /// <see cref="ILog"/> on nanoFramework's console, which reaches the Visual Studio output window (or the
    /// serial monitor) in Debug and Release builds alike. Lines are prefixed with the uptime in
    /// milliseconds; a lock keeps lines from different threads whole.
    /// </summary>
    internal sealed class ConsoleLog : ILog
    {
        private readonly object _sync = new object();

        /// <inheritdoc/>
        public void Info(string message) => Write(" INFO  ", message);

        /// <inheritdoc/>
        public void Error(string message) => Write(" ERROR ", message);

        private void Write(string level, string message)
        {
            string line = Environment.TickCount64 + level + message;
            lock (_sync)
            {
                Console.WriteLine(line);
            }
        }
    }
}
