using System;
using System.Collections.Generic;
using NanoTlv.Benchmarks.Budget.Metering;
using NanoTlv.Firmware;
using NanoTlv.Firmware.Board;
using NanoTlv.Framing;
using NanoTlv.Testing;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Benchmarks.Device;

/// <summary>
/// The firmware core on a virtual ESP32 DevKit, without sockets: connections are served on the caller's thread
/// through <see cref="DeviceServer.ServeConnection"/>, the path every accepted socket takes. The pins the
/// commands use are prepared at start. Optionally the board's drivers are wrapped in allocation meters.
/// </summary>
public sealed class BenchmarkDevice : IDisposable
{
    private BenchmarkDevice(VirtualBoard board, BoardServices services, DriverAllocationMeter? meter, DeviceOptions options)
    {
        Board = board;
        Meter = meter;
        Log = TestLog.ErrorsOnly();
        Server = new DeviceServer(services, options, Log);
    }

    /// <summary>The virtual board.</summary>
    public VirtualBoard Board { get; }

    /// <summary>The device server.</summary>
    public DeviceServer Server { get; }

    /// <summary>The log; an error in it means something broke.</summary>
    public TestLog Log { get; }

    /// <summary>Counts what the drivers allocate (metered devices only).</summary>
    public DriverAllocationMeter? Meter { get; }

    /// <summary>Starts a device with default options (no idle timeout) and prepares its pins.</summary>
    /// <param name="metered">Wraps the drivers in allocation meters.</param>
    public static BenchmarkDevice Start(bool metered = false)
    {
        var board = new VirtualBoard();
        DriverAllocationMeter? meter = metered ? new DriverAllocationMeter() : null;
        BoardServices services = meter is null ? board.Services : meter.Wrap(board.Services);
        var device = new BenchmarkDevice(board, services, meter, new DeviceOptions { IdleTimeoutMs = DeviceOptions.NoIdleTimeout });
        foreach (DeviceCommand setup in DeviceCommands.Setup)
        {
            device.ServeAndVerify(setup, 1);
        }

        return device;
    }

    /// <summary>A connection that sends <paramref name="command"/>'s step <paramref name="steps"/> times.</summary>
    public RepeatingRequestTransport Connection(DeviceCommand command, int steps) =>
        new(command.StepChunk(), steps, command.StepReplyBytes, Meter is null ? null : Meter.AllocatedBytes);

    /// <summary>Serves one connection on this thread and checks every byte came back.</summary>
    /// <exception cref="InvalidOperationException">The connection was rejected or not fully answered.</exception>
    public void Serve(RepeatingRequestTransport connection)
    {
        connection.Rewind();
        if (!Server.ServeConnection(connection))
        {
            throw new InvalidOperationException("The device rejected the connection: no free slot.");
        }

        connection.VerifyServed();
    }

    /// <summary>Serves <paramref name="steps"/> steps of <paramref name="command"/> and checks every reply.</summary>
    /// <exception cref="InvalidOperationException">A reply is wrong or missing, or the device logged an error.</exception>
    public void ServeAndVerify(DeviceCommand command, int steps)
    {
        RepeatingRequestTransport connection = Connection(command, steps);
        connection.Record = true;
        Serve(connection);
        List<byte[]> replies = Payloads(connection.RecordedBytes);
        int perStep = command.Companions.Length + 1;
        if (replies.Count != steps * perStep)
        {
            throw new InvalidOperationException($"{command.Label}: {replies.Count} replies for {steps * perStep} requests.");
        }

        for (int i = 0; i < replies.Count; i++)
        {
            int position = i % perStep;
            DeviceCommand expected = position < command.Companions.Length ? command.Companions[position] : command;
            expected.VerifyReply(replies[i]);
        }

        ThrowIfErrorsLogged();
    }

    /// <summary>Throws when the device logged an error.</summary>
    /// <exception cref="InvalidOperationException">It did.</exception>
    public void ThrowIfErrorsLogged()
    {
        Log.ThrowIfErrorLogged();
    }

    public void Dispose()
    {
        Server.Stop();
        Board.Dispose();
    }

    private static List<byte[]> Payloads(ReadOnlySpan<byte> stream)
    {
        var extractor = new FrameExtractor(FrameFormat.MaxEncodablePayloadBytes, strict: true);
        byte[] bytes = stream.ToArray();
        extractor.Feed(bytes, 0, bytes.Length);
        var payloads = new List<byte[]>();
        FrameReadResult result;
        while ((result = extractor.Next()) != FrameReadResult.NeedMoreData)
        {
            if (result != FrameReadResult.Frame)
            {
                throw new InvalidOperationException($"The device sent bytes that are not a frame ({result}).");
            }

            payloads.Add(extractor.FrameBuffer.AsSpan(extractor.FrameOffset, extractor.FrameLength).ToArray());
        }

        return payloads;
    }
}
