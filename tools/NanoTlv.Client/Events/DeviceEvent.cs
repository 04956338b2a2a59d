using System;

namespace NanoTlv.Client
{
    /// <summary>
    /// Something the client learned without asking: an unsolicited message from the device
    /// (<see cref="PinChangedEvent"/>, <see cref="FramingErrorEvent"/>, <see cref="ConnectionRejectedEvent"/>)
    /// or a change of the connection seen by the client (<see cref="ConnectionLostEvent"/>,
    /// <see cref="ReconnectedEvent"/>, <see cref="ProtocolViolationEvent"/>).
    /// </summary>
    public abstract record DeviceEvent
    {
        /// <summary>When the client received or noticed it (host clock).</summary>
        public DateTimeOffset ReceivedAt { get; init; } = DateTimeOffset.Now;
    }
}
