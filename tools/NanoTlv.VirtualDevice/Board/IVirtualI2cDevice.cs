using System;
using NanoTlv.Messages;

namespace NanoTlv.VirtualDevice
{
    /// <summary>A simulated I2C target attached to a <see cref="VirtualI2cBus"/> at one address.</summary>
    public interface IVirtualI2cDevice
    {
        /// <summary>The controller wrote <paramref name="data"/> (possibly nothing: an address probe).</summary>
        /// <param name="data">The bytes after the address.</param>
        /// <returns><see cref="StatusCode.Ok"/>, or <see cref="StatusCode.I2cBusError"/> for a byte the device refused.</returns>
        StatusCode Write(ReadOnlySpan<byte> data);

        /// <summary>The controller reads <paramref name="destination"/>.Length bytes.</summary>
        /// <param name="destination">Filled by the device.</param>
        /// <returns><see cref="StatusCode.Ok"/> or <see cref="StatusCode.I2cBusError"/>.</returns>
        StatusCode Read(Span<byte> destination);
    }
}
