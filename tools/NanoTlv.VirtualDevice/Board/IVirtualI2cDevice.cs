using System;
using NanoTlv.Firmware.Board;

namespace NanoTlv.VirtualDevice
{
    /// <summary>A simulated I2C target attached to a <see cref="VirtualI2cBus"/> at one address.</summary>
    public interface IVirtualI2cDevice
    {
        /// <summary>The controller wrote <paramref name="data"/> .</summary>
        /// <param name="data">The bytes after the address.</param>
        /// <returns><see cref="I2cResult.Ok"/>, or <see cref="I2cResult.BusError"/> for a byte the device refused.</returns>
        I2cResult Write(ReadOnlySpan<byte> data);

        /// <summary>The controller reads <paramref name="destination"/>.Length bytes.</summary>
        /// <param name="destination">Filled by the device.</param>
        /// <returns><see cref="I2cResult.Ok"/> or <see cref="I2cResult.BusError"/>.</returns>
        I2cResult Read(Span<byte> destination);
    }
}
