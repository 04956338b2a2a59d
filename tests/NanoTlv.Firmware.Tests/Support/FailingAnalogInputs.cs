using System;
using NanoTlv.Firmware.Board;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Firmware.Tests.Support;

/// <summary>The virtual ADC with a switch that makes reads throw (to test InternalError handling).</summary>
public sealed class FailingAnalogInputs(VirtualAnalogInputs inner) : IAnalogInputs
{
    public VirtualAnalogInputs Inner { get; } = inner;

    public bool Fail { get; set; }

    public int ResolutionBits => Inner.ResolutionBits;

    public int FullScaleMillivolts => Inner.FullScaleMillivolts;

    public int Read(int channel) => Fail ? throw new InvalidOperationException("ADC driver fault (test)") : Inner.Read(channel);
}
