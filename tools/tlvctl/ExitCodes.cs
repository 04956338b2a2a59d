namespace NanoTlv.Cli
{
    /// <summary>tlvctl's process exit codes (also listed in --help and README.md).</summary>
    public static class ExitCodes
    {
        /// <summary>Everything worked.</summary>
        public const int Ok = 0;

        /// <summary>The device refused a command; the status code is printed.</summary>
        public const int DeviceError = 1;

        /// <summary>The command line was wrong (unknown command, bad argument, value out of range).</summary>
        public const int UsageError = 2;

        /// <summary>The device could not be reached, the connection was lost, a reply timed out or broke the protocol.</summary>
        public const int ConnectionError = 3;

        /// <summary>The harness saw a reply or event that was not what the device must send.</summary>
        public const int HarnessMismatch = 4;

        /// <summary>Interrupted (Ctrl+C) before a command that runs until interrupted had finished its work.</summary>
        public const int Interrupted = 130;

        /// <summary>The exit-code table for help texts.</summary>
        public const string HelpText =
            "Exit codes: 0 ok, 1 device error (the device refused; status shown), 2 usage error, "
            + "3 connection error or timeout, 4 harness mismatch.";
    }
}
