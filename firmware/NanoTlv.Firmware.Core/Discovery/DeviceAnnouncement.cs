using System;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Discovery
{
    /// <summary>Builds what a device announces from the settings its server runs with.</summary>
    public static class DeviceAnnouncement
    {
        /// <summary>
        /// The announcement of a device with <paramref name="options"/> serving TCP at <paramref name="tcpPort"/>:
        /// its name, firmware version and whether it requires a token (never the token).
        /// </summary>
        /// <param name="options">The device's settings (validated here).</param>
        /// <param name="boardId">6 bytes naming the board (its station MAC address on an ESP32).</param>
        /// <param name="tcpPort">TCP port of the command server, 1..65535.</param>
        /// <returns>A new announcement.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">The options are invalid, the board id is not 6 bytes or the port is
        /// out of range.</exception>
        public static BoardAnnouncement From(DeviceOptions options, byte[] boardId, int tcpPort)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (boardId == null)
            {
                throw new ArgumentNullException(nameof(boardId));
            }

            if (tcpPort < 1 || tcpPort > 65535)
            {
                throw new ArgumentException("The announced TCP port must be 1..65535; got " + tcpPort + ".", nameof(tcpPort));
            }

            options.Validate();
            BoardAnnouncement announcement = new BoardAnnouncement();
            announcement.BoardId = boardId;
            announcement.Name = options.DeviceName;
            announcement.TcpPort = tcpPort;
            announcement.FirmwareMajor = options.FirmwareMajor;
            announcement.FirmwareMinor = options.FirmwareMinor;
            announcement.FirmwarePatch = options.FirmwarePatch;
            announcement.ProtocolVersion = ProtocolLimits.ProtocolVersion;
            announcement.TokenRequired = options.AuthToken != null;
            return announcement;
        }
    }
}
