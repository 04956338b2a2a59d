using NanoTlv.Firmware;

namespace NanoTlv.PortableTests.Firmware
{
    /// <summary>A log that drops every line; the firmware cases check bytes and pins, not log text.</summary>
    public sealed class SilentLog : ILog
    {
        /// <inheritdoc/>
        public void Info(string message)
        {
        }

        /// <inheritdoc/>
        public void Error(string message)
        {
        }
    }
}
