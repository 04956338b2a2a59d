using System.Diagnostics;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace NanoTlv.Reliability.Tests.Torture;

/// <summary>
/// Four clients at once (the default MaxClients), each pipelining thousands of requests (PINGs with random
/// payloads, DIGITAL_WRITE / READ / TOGGLE on its own output pin) in random chunkings while reading replies
/// on another thread: every reply correct, in order, per client.
/// </summary>
public sealed class PipeliningClientsTests
{
    private const int Clients = 4;
    private const int CiRequestsPerClient = 5_000;
    private static readonly int[] ClientPins = [4, 13, 14, 16];
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    private readonly ITestOutputHelper _output;

    public PipeliningClientsTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void FourClientsPipeliningThousandsOfRequests_AllRepliesCorrectAndInOrder()
    {
        int seed = ReliabilitySettings.Seed(4242);
        int requests = ReliabilitySettings.Scaled(CiRequestsPerClient);
        using var device = new RunningDevice();
        var failures = new List<string>();
        var lastLevels = new bool[Clients];
        var clock = Stopwatch.StartNew();
        Thread[] clients = Enumerable.Range(0, Clients).Select(index => new Thread(() =>
        {
            try
            {
                lastLevels[index] = RunClient(device, index, requests, new Random(seed + index), "seed " + seed + ", client " + index);
            }
            catch (Exception e)
            {
                lock (failures)
                {
                    failures.Add(e.Message);
                }
            }
        })
        { IsBackground = true, Name = "pipelining client " + index }).ToArray();
        foreach (Thread client in clients)
        {
            client.Start();
        }

        foreach (Thread client in clients)
        {
            Wait.Join(client, Budget, client.Name!);
        }

        clock.Stop();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        for (int i = 0; i < Clients; i++)
        {
            Assert.Equal(lastLevels[i], device.Board.IsHigh(ClientPins[i]));
        }

        _output.WriteLine("{0} clients x {1} pipelined requests in {2:F2} s: {3:F0} requests/s",
            Clients, requests, clock.Elapsed.TotalSeconds, Clients * requests / clock.Elapsed.TotalSeconds);
    }

    /// <summary>Runs one client; returns the level its pin must be left at.</summary>
    private static bool RunClient(RunningDevice device, int index, int requests, Random random, string where)
    {
        using RawClient client = device.Connect();
        int pin = ClientPins[index];
        var stream = new List<byte>();
        var expected = new List<byte[]>(requests + 1);
        bool level = false;
        stream.AddRange(Wire.RequestFrame(Opcode.PinMode, 1, (byte)pin, (byte)PinMode.Output));
        expected.Add(Wire.Reply(Opcode.PinMode, 1, StatusCode.Ok));
        for (int i = 0; i < requests; i++)
        {
            ushort id = (ushort)(2 + i);
            byte[] request;
            byte[] reply;
            switch (random.Next(10))
            {
                case 0:
                    level = random.Next(2) == 1;
                    request = Wire.Request(Opcode.DigitalWrite, id, (byte)pin, level ? (byte)1 : (byte)0);
                    reply = Wire.Reply(Opcode.DigitalWrite, id, StatusCode.Ok);
                    break;
                case 1:
                    request = Wire.Request(Opcode.DigitalRead, id, (byte)pin);
                    reply = Wire.Reply(Opcode.DigitalRead, id, StatusCode.Ok, level ? (byte)1 : (byte)0);
                    break;
                case 2:
                    level = !level;
                    request = Wire.Request(Opcode.DigitalToggle, id, (byte)pin);
                    reply = Wire.Reply(Opcode.DigitalToggle, id, StatusCode.Ok, level ? (byte)1 : (byte)0);
                    break;
                default:
                    byte[] data = new byte[random.Next(0, 64)];
                    random.NextBytes(data);
                    request = Wire.Request(Opcode.Ping, id, data);
                    reply = Wire.Reply(Opcode.Ping, id, StatusCode.Ok, data);
                    break;
            }

            stream.AddRange(Hex.Frame(request));
            expected.Add(reply);
        }

        Exception? readerFailure = null;
        var reader = new Thread(() =>
        {
            try
            {
                for (int i = 0; i < expected.Count; i++)
                {
                    byte[] actual = client.ReadFrame(Budget);
                    if (!actual.AsSpan().SequenceEqual(expected[i]))
                    {
                        throw new InvalidDataException(where + ", reply " + i + ": expected " + Hex.Format(expected[i], 48) + ", got " + Hex.Format(actual, 48));
                    }
                }
            }
            catch (Exception e)
            {
                readerFailure = e;
            }
        })
        { IsBackground = true, Name = "reader " + index };
        reader.Start();
        ChunkedSender.Send(client, stream.ToArray(), random);
        Wait.Join(reader, Budget, where + ": reader");
        if (readerFailure != null)
        {
            throw readerFailure;
        }

        Assert.False(client.TryReadFrame(TimeSpan.FromMilliseconds(50), out byte[]? extra), where + ": an extra frame " + (extra == null ? string.Empty : Hex.Format(extra, 32)));
        return level;
    }
}
