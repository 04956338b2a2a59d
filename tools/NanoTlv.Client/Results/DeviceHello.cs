using System;
using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>The device's answer to HELLO: who it is and what it can do.</summary>
    /// <param name="ProtocolVersion">Protocol version the device speaks.</param>
    /// <param name="MaxPayloadBytes">Largest frame payload the device accepts.</param>
    /// <param name="Capabilities">Feature flags.</param>
    /// <param name="FirmwareVersion">Firmware version (major.minor.patch).</param>
    /// <param name="Authenticated">True when this connection may use every command.</param>
    /// <param name="Name">The device's name.</param>
    public sealed record DeviceHello(
        int ProtocolVersion,
        int MaxPayloadBytes,
        DeviceCapabilities Capabilities,
        Version FirmwareVersion,
        bool Authenticated,
        string Name)
    {
        /// <summary>Largest PING payload (or other argument block) that fits one request frame.</summary>
        public int MaxArgumentBytes => Math.Max(0, MaxPayloadBytes - MessageHeader.RequestHeaderBytes);
    }
}
