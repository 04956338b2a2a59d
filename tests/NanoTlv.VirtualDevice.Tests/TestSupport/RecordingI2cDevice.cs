using System;
using System.Collections.Generic;
using NanoTlv.Firmware.Board;
using NanoTlv.Messages;

namespace NanoTlv.VirtualDevice.Tests.TestSupport;

/// <summary>Records what was written; reads return 0xA0, 0xA1, ...</summary>
public sealed class RecordingI2cDevice : IVirtualI2cDevice
{
    public List<byte[]> Writes { get; } = [];

    public int Reads { get; private set; }

    public I2cResult Write(ReadOnlySpan<byte> data)
    {
        Writes.Add(data.ToArray());
        return I2cResult.Ok;
    }

    public I2cResult Read(Span<byte> destination)
    {
        Reads++;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (byte)(0xA0 + i);
        }

        return I2cResult.Ok;
    }
}
