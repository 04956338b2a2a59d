using System;

namespace NanoTlv.Client
{
    /// <summary>Carries a <see cref="DeviceEvent"/> to <see cref="TlvClient.EventReceived"/> handlers.</summary>
    public sealed class DeviceEventArgs : EventArgs
    {
        /// <summary>Wraps <paramref name="deviceEvent"/>.</summary>
        /// <param name="deviceEvent">The event.</param>
        public DeviceEventArgs(DeviceEvent deviceEvent)
        {
            Event = deviceEvent;
        }

        /// <summary>The event.</summary>
        public DeviceEvent Event { get; }

        /// <summary>The event with everything it holds, e.g.
        /// <c>PinChangedEvent { ReceivedAt = …, Pin = 4, High = True, DeviceTimestampMs = 256 }</c>.</summary>
        /// <returns>The event's text.</returns>
        public override string ToString() => Event.ToString();
    }
}
