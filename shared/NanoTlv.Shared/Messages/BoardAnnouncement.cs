using System;

namespace NanoTlv.Messages
{
    /// <summary>
    /// What an ANNOUNCE datagram says about a board (see <see cref="DiscoveryFormat"/>). The board builds one at
    /// start-up and encodes it once; a client decodes received announcements into one with
    /// <see cref="DiscoveryCodec.ReadAnnouncement"/>.
    /// </summary>
    public sealed class BoardAnnouncement
    {
        private readonly byte[] _boardId = new byte[DiscoveryFormat.BoardIdBytes];

        /// <summary>The board id (6 bytes, the ESP32's station MAC address); a copy is kept.</summary>
        public byte[] BoardId
        {
            get => _boardId;
            set
            {
                if (value == null || value.Length != DiscoveryFormat.BoardIdBytes)
                {
                    throw new ArgumentException("A board id is exactly " + DiscoveryFormat.BoardIdBytes + " bytes.", nameof(value));
                }

                Array.Copy(value, _boardId, DiscoveryFormat.BoardIdBytes);
            }
        }

        /// <summary>The device name (printable ASCII, at most 32 characters), as HELLO reports it.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>TCP port of the board's command server.</summary>
        public int TcpPort { get; set; }

        /// <summary>Firmware major version.</summary>
        public byte FirmwareMajor { get; set; }

        /// <summary>Firmware minor version.</summary>
        public byte FirmwareMinor { get; set; }

        /// <summary>Firmware patch version.</summary>
        public byte FirmwarePatch { get; set; }

        /// <summary>Version of the TCP protocol the board speaks (<see cref="ProtocolLimits.ProtocolVersion"/>).</summary>
        public byte ProtocolVersion { get; set; } = ProtocolLimits.ProtocolVersion;

        /// <summary>True when the board requires a token in HELLO.</summary>
        public bool TokenRequired { get; set; }
    }
}
