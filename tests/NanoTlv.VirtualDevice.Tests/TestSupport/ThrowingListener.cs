using System;
using NanoTlv.Firmware.Board;

namespace NanoTlv.VirtualDevice.Tests.TestSupport;

/// <summary>A listener whose every call fails.</summary>
public sealed class ThrowingListener : IPinChangeListener
{
    public void OnPinChanged(int pin, bool high, long timestampMs) => throw new InvalidOperationException("listener failed");
}
