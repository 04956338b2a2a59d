using System;

namespace NanoTlv.Cli
{
    /// <summary>Which global options a command accepts; the others are refused when given (see <see cref="GlobalOptions"/>).</summary>
    [Flags]
    internal enum GlobalOptionSet
    {
        /// <summary>None.</summary>
        None = 0,

        /// <summary>--device.</summary>
        Device = 1,

        /// <summary>--token.</summary>
        Token = 2,

        /// <summary>--timeout.</summary>
        Timeout = 4,

        /// <summary>--json.</summary>
        Json = 8,

        /// <summary>--discovery (where discovery requests go: discover, and --device NAME|ID).</summary>
        Discovery = 16,

        /// <summary>What a command that talks to one device takes: all of them.</summary>
        All = Device | Token | Timeout | Json | Discovery,
    }
}
