namespace NanoTlv.Messages
{
    /// <summary>
    /// Constants and layout of the discovery datagrams (UDP): a DISCOVER request from a client and the ANNOUNCE a
    /// board sends in answer and, every few seconds, to its subnet's broadcast address. Each datagram is exactly
    /// one TLV frame, <c>72 | len_hi | len_lo | payload</c>, nothing before or after it.
    /// </summary>
    /// <remarks>
    /// <code>
    /// DISCOVER payload (2 bytes):
    /// +------+---------+
    /// | 0x70 | version |
    /// +------+---------+
    ///
    /// ANNOUNCE payload (16 + n bytes):
    ///  0      1         2..7            8..9          10 11 12       13         14     15   16..
    /// +------+---------+---------------+-------------+--------------+----------+------+----+------------+
    /// | 0x71 | version | board id (6)  | TCP port BE | fw maj min pa| protocol | flags| n  | name (n)   |
    /// +------+---------+---------------+-------------+--------------+----------+------+----+------------+
    /// </code>
    /// flags bit 0: the board requires a token in HELLO; the other bits are 0. The token itself is never sent.
    /// Example: <c>72 00 02 70 01</c> is a DISCOVER.
    /// </remarks>
    public static class DiscoveryFormat
    {
        /// <summary>UDP port a board listens on for DISCOVER and announces to.</summary>
        public const int DefaultPort = 5151;

        /// <summary>Version of the discovery datagrams spoken by this code.</summary>
        public const byte Version = 1;

        /// <summary>First payload byte of a DISCOVER request. Above every request opcode of the TCP protocol, so a
        /// discovery payload is never mistaken for a command.</summary>
        public const byte KindDiscover = 0x70;

        /// <summary>First payload byte of an ANNOUNCE.</summary>
        public const byte KindAnnounce = 0x71;

        /// <summary>Bytes of a board id (the station MAC address on an ESP32).</summary>
        public const int BoardIdBytes = 6;

        /// <summary>Largest name an ANNOUNCE carries (the HELLO limit).</summary>
        public const int MaxNameBytes = ProtocolLimits.MaxDeviceNameBytes;

        /// <summary>Flags bit: the board requires a token in HELLO.</summary>
        public const byte FlagTokenRequired = 0x01;

        /// <summary>Payload bytes of a DISCOVER.</summary>
        public const int DiscoverPayloadBytes = 2;

        /// <summary>Payload bytes of an ANNOUNCE before the name.</summary>
        public const int AnnounceFixedBytes = 16;

        /// <summary>The largest valid discovery datagram: an ANNOUNCE with the longest name, framed.</summary>
        public const int MaxDatagramBytes = Framing.FrameFormat.HeaderBytes + AnnounceFixedBytes + MaxNameBytes;

        /// <summary>Default time between two periodic announcements.</summary>
        public const int DefaultAnnounceIntervalMs = 10000;

        /// <summary>Offset of the version byte in a payload.</summary>
        public const int VersionOffset = 1;

        /// <summary>Offset of the board id in an ANNOUNCE payload.</summary>
        public const int BoardIdOffset = 2;

        /// <summary>Offset of the TCP port in an ANNOUNCE payload.</summary>
        public const int TcpPortOffset = 8;

        /// <summary>Offset of the firmware major version (minor and patch follow) in an ANNOUNCE payload.</summary>
        public const int FirmwareOffset = 10;

        /// <summary>Offset of the TCP protocol version in an ANNOUNCE payload.</summary>
        public const int ProtocolVersionOffset = 13;

        /// <summary>Offset of the flags in an ANNOUNCE payload.</summary>
        public const int FlagsOffset = 14;

        /// <summary>Offset of the name length in an ANNOUNCE payload (the name follows).</summary>
        public const int NameLengthOffset = 15;
    }
}
