using System;
using NanoTlv.Framing;

namespace NanoTlv.Messages
{
    /// <summary>
    /// Writes and reads the discovery datagrams laid out in <see cref="DiscoveryFormat"/>. Writing allocates nothing;
    /// reading a DISCOVER allocates nothing (what the board does per datagram); reading an ANNOUNCE allocates the
    /// name string (what a client does).
    /// </summary>
    public static class DiscoveryCodec
    {
        private const char FirstPrintableAscii = ' ';
        private const char LastPrintableAscii = '~';

        /// <summary>Writes a DISCOVER datagram (<c>72 00 02 70 01</c>).</summary>
        /// <param name="destination">Buffer.</param>
        /// <param name="offset">Where the datagram starts.</param>
        /// <returns>Bytes written (5).</returns>
        /// <exception cref="ArgumentException">The datagram does not fit.</exception>
        public static int WriteDiscover(byte[] destination, int offset)
        {
            CheckRoom(destination, offset, FrameFormat.HeaderBytes + DiscoveryFormat.DiscoverPayloadBytes);
            int payload = FrameWriter.BeginFrame(destination, offset);
            destination[payload] = DiscoveryFormat.KindDiscover;
            destination[payload + DiscoveryFormat.VersionOffset] = DiscoveryFormat.Version;
            return FrameWriter.EndFrame(destination, offset, DiscoveryFormat.DiscoverPayloadBytes);
        }

        /// <summary>Writes an ANNOUNCE datagram for <paramref name="board"/>.</summary>
        /// <param name="board">What to announce.</param>
        /// <param name="destination">Buffer (<see cref="DiscoveryFormat.MaxDatagramBytes"/> always suffice).</param>
        /// <param name="offset">Where the datagram starts.</param>
        /// <returns>Bytes written.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">The name is not printable ASCII of at most 32 characters, the TCP port
        /// is not 1..65535, or the datagram does not fit.</exception>
        public static int WriteAnnouncement(BoardAnnouncement board, byte[] destination, int offset)
        {
            if (board == null)
            {
                throw new ArgumentNullException(nameof(board));
            }

            string name = board.Name;
            if (name == null || name.Length > DiscoveryFormat.MaxNameBytes || !IsPrintableAscii(name))
            {
                throw new ArgumentException("An announced name is printable ASCII of at most " + DiscoveryFormat.MaxNameBytes + " characters.", nameof(board));
            }

            if (board.TcpPort < 1 || board.TcpPort > 65535)
            {
                throw new ArgumentException("An announced TCP port is 1..65535; got " + board.TcpPort + ".", nameof(board));
            }

            int payloadBytes = DiscoveryFormat.AnnounceFixedBytes + name.Length;
            CheckRoom(destination, offset, FrameFormat.HeaderBytes + payloadBytes);
            int payload = FrameWriter.BeginFrame(destination, offset);
            destination[payload] = DiscoveryFormat.KindAnnounce;
            destination[payload + DiscoveryFormat.VersionOffset] = DiscoveryFormat.Version;
            Array.Copy(board.BoardId, 0, destination, payload + DiscoveryFormat.BoardIdOffset, DiscoveryFormat.BoardIdBytes);
            BigEndian.WriteUInt16(destination, payload + DiscoveryFormat.TcpPortOffset, board.TcpPort);
            destination[payload + DiscoveryFormat.FirmwareOffset] = board.FirmwareMajor;
            destination[payload + DiscoveryFormat.FirmwareOffset + 1] = board.FirmwareMinor;
            destination[payload + DiscoveryFormat.FirmwareOffset + 2] = board.FirmwarePatch;
            destination[payload + DiscoveryFormat.ProtocolVersionOffset] = board.ProtocolVersion;
            destination[payload + DiscoveryFormat.FlagsOffset] = board.TokenRequired ? DiscoveryFormat.FlagTokenRequired : (byte)0;
            destination[payload + DiscoveryFormat.NameLengthOffset] = (byte)name.Length;
            for (int i = 0; i < name.Length; i++)
            {
                // Once per board at start-up, at most 32 characters: the name is encoded, not copied per datagram.
                destination[payload + DiscoveryFormat.AnnounceFixedBytes + i] = (byte)name[i];
            }

            return FrameWriter.EndFrame(destination, offset, payloadBytes);
        }

        /// <summary>Checks that a received datagram is a DISCOVER. Allocates nothing.</summary>
        /// <param name="datagram">Buffer holding the datagram.</param>
        /// <param name="offset">Its first byte.</param>
        /// <param name="count">Its length as received.</param>
        /// <returns><see cref="DiscoveryStatus.Ok"/>, or why the datagram is to be ignored.</returns>
        public static DiscoveryStatus ReadDiscover(byte[] datagram, int offset, int count)
        {
            DiscoveryStatus status = CheckFrame(datagram, offset, count, DiscoveryFormat.KindDiscover, DiscoveryFormat.DiscoverPayloadBytes);
            if (status != DiscoveryStatus.Ok)
            {
                return status;
            }

            return PayloadLength(datagram, offset) == DiscoveryFormat.DiscoverPayloadBytes ? DiscoveryStatus.Ok : DiscoveryStatus.BadField;
        }

        /// <summary>Reads a received ANNOUNCE into <paramref name="into"/>; on any other result <paramref name="into"/>
        /// is left as it was.</summary>
        /// <param name="datagram">Buffer holding the datagram.</param>
        /// <param name="offset">Its first byte.</param>
        /// <param name="count">Its length as received.</param>
        /// <param name="into">Filled in when the result is <see cref="DiscoveryStatus.Ok"/>.</param>
        /// <returns><see cref="DiscoveryStatus.Ok"/>, or why the datagram is to be ignored.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="into"/> is null.</exception>
        public static DiscoveryStatus ReadAnnouncement(byte[] datagram, int offset, int count, BoardAnnouncement into)
        {
            if (into == null)
            {
                throw new ArgumentNullException(nameof(into));
            }

            DiscoveryStatus status = CheckFrame(datagram, offset, count, DiscoveryFormat.KindAnnounce, DiscoveryFormat.AnnounceFixedBytes);
            if (status != DiscoveryStatus.Ok)
            {
                return status;
            }

            int payload = offset + FrameFormat.HeaderBytes;
            int nameBytes = datagram[payload + DiscoveryFormat.NameLengthOffset];
            byte flags = datagram[payload + DiscoveryFormat.FlagsOffset];
            if (nameBytes > DiscoveryFormat.MaxNameBytes
                || PayloadLength(datagram, offset) != DiscoveryFormat.AnnounceFixedBytes + nameBytes
                || (flags & ~DiscoveryFormat.FlagTokenRequired) != 0
                || BigEndian.ReadUInt16(datagram, payload + DiscoveryFormat.TcpPortOffset) == 0)
            {
                return DiscoveryStatus.BadField;
            }

            char[] name = new char[nameBytes];
            for (int i = 0; i < nameBytes; i++)
            {
                name[i] = (char)datagram[payload + DiscoveryFormat.AnnounceFixedBytes + i];
                if (name[i] < FirstPrintableAscii || name[i] > LastPrintableAscii)
                {
                    return DiscoveryStatus.BadField;
                }
            }

            byte[] boardId = into.BoardId;
            Array.Copy(datagram, payload + DiscoveryFormat.BoardIdOffset, boardId, 0, DiscoveryFormat.BoardIdBytes);
            into.TcpPort = BigEndian.ReadUInt16(datagram, payload + DiscoveryFormat.TcpPortOffset);
            into.FirmwareMajor = datagram[payload + DiscoveryFormat.FirmwareOffset];
            into.FirmwareMinor = datagram[payload + DiscoveryFormat.FirmwareOffset + 1];
            into.FirmwarePatch = datagram[payload + DiscoveryFormat.FirmwareOffset + 2];
            into.ProtocolVersion = datagram[payload + DiscoveryFormat.ProtocolVersionOffset];
            into.TokenRequired = (flags & DiscoveryFormat.FlagTokenRequired) != 0;
            into.Name = new string(name);
            return DiscoveryStatus.Ok;
        }

        // The checks every discovery datagram passes, cheapest first: size, frame, length, kind, version.
        private static DiscoveryStatus CheckFrame(byte[] datagram, int offset, int count, byte kind, int minPayloadBytes)
        {
            if (datagram == null)
            {
                throw new ArgumentNullException(nameof(datagram));
            }

            if (offset < 0 || count < 0 || offset > datagram.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "Offset and count must lie inside the datagram buffer.");
            }

            if (count > DiscoveryFormat.MaxDatagramBytes)
            {
                return DiscoveryStatus.Oversize;
            }

            if (count > 0 && datagram[offset] != FrameFormat.Marker)
            {
                return DiscoveryStatus.NotAFrame;
            }

            if (count < FrameFormat.HeaderBytes)
            {
                return DiscoveryStatus.Truncated;
            }

            int frameBytes = FrameFormat.HeaderBytes + PayloadLength(datagram, offset);
            if (frameBytes > count)
            {
                return DiscoveryStatus.Truncated;
            }

            if (frameBytes < count)
            {
                return DiscoveryStatus.NotAFrame;
            }

            if (frameBytes == FrameFormat.HeaderBytes)
            {
                return DiscoveryStatus.Truncated;
            }

            byte actualKind = datagram[offset + FrameFormat.HeaderBytes];
            if (actualKind != DiscoveryFormat.KindDiscover && actualKind != DiscoveryFormat.KindAnnounce)
            {
                return DiscoveryStatus.NotAFrame;
            }

            if (actualKind != kind)
            {
                return DiscoveryStatus.WrongKind;
            }

            if (frameBytes < FrameFormat.HeaderBytes + DiscoveryFormat.DiscoverPayloadBytes)
            {
                return DiscoveryStatus.Truncated;
            }

            if (datagram[offset + FrameFormat.HeaderBytes + DiscoveryFormat.VersionOffset] != DiscoveryFormat.Version)
            {
                return DiscoveryStatus.UnsupportedVersion;
            }

            return frameBytes < FrameFormat.HeaderBytes + minPayloadBytes ? DiscoveryStatus.Truncated : DiscoveryStatus.Ok;
        }

        private static int PayloadLength(byte[] datagram, int offset) => BigEndian.ReadUInt16(datagram, offset + 1);

        private static bool IsPrintableAscii(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < FirstPrintableAscii || text[i] > LastPrintableAscii)
                {
                    return false;
                }
            }

            return true;
        }

        private static void CheckRoom(byte[] destination, int offset, int bytes)
        {
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (offset < 0 || offset > destination.Length - bytes)
            {
                throw new ArgumentException("The destination has no room for a " + bytes + "-byte datagram at offset " + offset + ".", nameof(destination));
            }
        }
    }
}
