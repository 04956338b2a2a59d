using System;

namespace NanoTlv.Messages
{
    /// <summary>Which input changes a subscription reports.</summary>
    [Flags]
    public enum PinEdges : byte
    {
        /// <summary>No edge (not valid in SUBSCRIBE).</summary>
        None = 0,

        /// <summary>Low to high.</summary>
        Rising = 1,

        /// <summary>High to low.</summary>
        Falling = 2,

        /// <summary>Both directions.</summary>
        Both = 3,
    }
}
