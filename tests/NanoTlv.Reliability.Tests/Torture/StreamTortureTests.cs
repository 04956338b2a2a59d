using System.Diagnostics;
using NanoTlv.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace NanoTlv.Reliability.Tests.Torture;

/// <summary>
/// 100,000 items (CI; × NANOTLV_TORTURE_SCALE) of good requests and injected faults over loopback TCP in random
/// chunkings, across ten connections, half of them ending inside a truncated frame. Every good frame must be
/// answered exactly once, in order, with the right id, status and echo; every fault with exactly the
/// FramingError event it calls for; nothing else. The device's INFO counters must add up to what was sent.
/// </summary>
public sealed class StreamTortureTests
{
    private const int CiItems = 100_000;
    private const int Connections = 10;
    private const int OutputPin = 4;
    private static readonly TimeSpan ConnectionBudget = TimeSpan.FromMinutes(3);

    private readonly ITestOutputHelper _output;

    public StreamTortureTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void MixedFramesAndFaults_InRandomChunks_AreAnsweredExactlyOnceInOrder()
    {
        int seed = ReliabilitySettings.Seed(20261125);
        int items = ReliabilitySettings.Scaled(CiItems);
        var random = new Random(seed);
        using var device = new RunningDevice();
        int max = device.Options.MaxPayloadBytes;

        long bytesSent = 0;
        long framesDelivered = 0;
        long expectedOutputs = 0;
        long garbageRuns = 0;
        long garbageBytes = 0;
        long oversized = 0;
        long errorReplies = 0;
        long goodRequests = 0;
        long shortPayloads = 0;
        long filled = 0;
        long chunks = 0;
        var clock = Stopwatch.StartNew();
        for (int connection = 0; connection < Connections; connection++)
        {
            var script = new TortureScript(random, max, OutputPin, firstId: (ushort)(1 + (connection * 5000)));
            script.AddItems(items / Connections);
            if (connection % 2 == 1)
            {
                script.AddTruncatedTail();
            }

            chunks += RunConnection(device, script, new Random(random.Next()), "seed " + seed + ", connection " + connection);
            bytesSent += script.StreamLength;
            framesDelivered += script.FramesDelivered;
            expectedOutputs += script.Expected.Count;
            garbageRuns += script.GarbageRuns;
            garbageBytes += script.GarbageBytes;
            oversized += script.OversizedFrames;
            errorReplies += script.ErrorReplies;
            goodRequests += script.GoodRequests;
            shortPayloads += script.ShortPayloads;
            filled += script.FilledTruncations;
        }

        clock.Stop();
        device.WaitForActiveSessions(0);
        using RawClient probe = device.ConnectServed();
        InfoCounters info = InfoCounters.Read(probe);
        const int ProbePingBytes = 6;
        const int InfoRequestBytes = 6;

        // The probe's PING and INFO requests are counted too; their replies are counted after INFO's data is taken, except the PING's.
        Assert.Equal((uint)(framesDelivered + 2), info.FramesReceived);
        Assert.Equal((uint)(bytesSent + ProbePingBytes + InfoRequestBytes), info.BytesReceived);
        Assert.Equal((uint)(expectedOutputs + 1), info.FramesSent);
        Assert.Equal((uint)garbageRuns, info.Resyncs);
        Assert.Equal((uint)garbageBytes, info.SkippedBytes);
        Assert.Equal((uint)oversized, info.OversizedFrames);
        Assert.Equal((uint)errorReplies, info.ErrorReplies);

        double seconds = clock.Elapsed.TotalSeconds;
        _output.WriteLine(
            "seed {0}: {1} items over {2} connections in {3:F1} s: {4} good requests ({5} filled truncations), {6} garbage runs ({7} bytes), {8} oversized, {9} short payloads, {10} truncated tails; {11:F1} MB sent in {12} chunks; {13:F0} items/s, each answered exactly once",
            seed, items, Connections, seconds, goodRequests, filled, garbageRuns, garbageBytes, oversized, shortPayloads, Connections / 2,
            bytesSent / 1e6, chunks, expectedOutputs / seconds);
    }

    private static int RunConnection(RunningDevice device, TortureScript script, Random chunking, string where)
    {
        using RawClient client = device.Connect();
        List<byte[]> expected = script.Expected;
        Exception? readerFailure = null;
        var reader = new Thread(() =>
        {
            try
            {
                for (int i = 0; i < expected.Count; i++)
                {
                    byte[] actual = client.ReadFrame(ConnectionBudget);
                    if (!actual.AsSpan().SequenceEqual(expected[i]))
                    {
                        throw new InvalidDataException(where + ", output " + i + " of " + expected.Count + ": expected " + Hex.Format(expected[i], 48) + ", got " + Hex.Format(actual, 48));
                    }
                }

                if (!client.WaitClosedByDevice(ConnectionBudget))
                {
                    throw new TimeoutException(where + ": the device did not close the connection after the client's end of stream.");
                }

                if (client.PendingFrames != 0)
                {
                    throw new InvalidDataException(where + ": " + client.PendingFrames + " frames more than expected, first " + Hex.Format(client.ReadFrame(TimeSpan.Zero), 48));
                }
            }
            catch (Exception e)
            {
                readerFailure = e;
            }
        })
        { IsBackground = true, Name = "torture reader" };
        reader.Start();

        int chunks = ChunkedSender.Send(client, script.Stream, chunking);
        client.ShutdownSend();
        Wait.Join(reader, ConnectionBudget, where + ": the reader");
        if (readerFailure != null)
        {
            throw new Xunit.Sdk.XunitException(readerFailure.Message + " (rerun with " + ReliabilitySettings.SeedVariable + " to reproduce)");
        }

        return chunks;
    }
}
