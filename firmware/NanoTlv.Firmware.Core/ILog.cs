namespace NanoTlv.Firmware
{
    /// <summary>
    /// Where the firmware core writes what it does: the console or debugger on the device, the console or
    /// test output on the host. Called from several threads (accept loop, sessions, drivers), so an
    /// implementation must be thread-safe. The core logs connections, timeouts, failsafe actions and
    /// failures, never per command and never a token.
    /// </summary>
    public interface ILog
    {
        /// <summary>Writes an informational line.</summary>
        /// <param name="message">The line, without a trailing newline.</param>
        void Info(string message);

        /// <summary>Writes an error line.</summary>
        /// <param name="message">The line, without a trailing newline.</param>
        void Error(string message);
    }
}
