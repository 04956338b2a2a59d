using System;

namespace NanoTlv.Benchmarks.Mqtt;

/// <summary>How long and how hard the MQTT bridge run pushes.</summary>
/// <param name="Boards">Virtual boards behind the bridge.</param>
/// <param name="ChangesPerSecondPerBoard">Input changes per second on each board.</param>
/// <param name="WarmUp">Input changes before measuring starts.</param>
/// <param name="EventDuration">Measured span of the input-change run.</param>
/// <param name="CommandDuration">Measured span of the command run.</param>
/// <param name="CommandsInFlightPerBoard">Commands outstanding per board in the command run.</param>
public sealed record MqttSettings(int Boards, int ChangesPerSecondPerBoard, TimeSpan WarmUp, TimeSpan EventDuration, TimeSpan CommandDuration, int CommandsInFlightPerBoard)
{
    /// <summary>The CI smoke run: about 15 s with start-up.</summary>
    public static MqttSettings Short { get; } = new(16, 100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), 4);

    /// <summary>The run for the documented figures: about a minute.</summary>
    public static MqttSettings Full { get; } = new(16, 100, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), 4);
}
