using NanoTlv.Firmware.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace NanoTlv.Firmware.Tests.Session;

/// <summary>
/// Steady state allocates nothing: a session serving a long stream of PING, DIGITAL_* and ANALOG_READ
/// requests on the test's thread. <see cref="GC.GetAllocatedBytesForCurrentThread"/> is sampled by the
/// scripted transport at each receive; warm-up chunks come first (JIT, first-use statics). The class runs
/// alone (its collection disables parallelization), away from other tests' threads.
/// </summary>
[Collection(nameof(AllocationTests))]
public sealed class AllocationTests(ITestOutputHelper output)
{
    private const int WarmUpChunks = 20;
    private const int MeasuredChunks = 300;
    private const int RequestsPerChunk = 40;
    private const int Attempts = 3;

    public static TheoryData<string, string> Commands => new()
    {
        { "PING", "02 00 01 01 02 03 04" },
        { "DIGITAL_WRITE", "11 00 02 02 01" },
        { "DIGITAL_READ", "12 00 03 02" },
        { "DIGITAL_TOGGLE", "13 00 04 02" },
        { "ANALOG_READ", "30 00 05 08" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Steady_state_dispatch_allocates_nothing(string name, string request)
    {
        using var device = new TestDevice(options => options.IdleTimeoutMs = 0);
        byte[] setup = Hex.FrameOf("10 00 00 02 03");
        byte[] chunk = Enumerable.Range(0, RequestsPerChunk).SelectMany(i => Hex.FrameOf(request)).ToArray();

        long[] attempts = MeasureAttempts(device, setup, chunk);

        output.WriteLine(name + ": bytes allocated per attempt of " + (MeasuredChunks * RequestsPerChunk) + " requests: " + string.Join(", ", attempts));
        AssertNoAllocation(attempts);
    }

    [Fact]
    public void A_mixed_pipelined_stream_with_framing_errors_allocates_nothing()
    {
        using var device = new TestDevice(options => options.IdleTimeoutMs = 0);
        byte[] setup = [.. Hex.FrameOf("10 00 00 02 03"), .. Hex.FrameOf("10 00 00 03 00")];
        byte[] chunk =
        [
            .. Hex.FrameOf("02 00 01 AA"), .. Hex.FrameOf("11 00 02 02 01"), .. Hex.FrameOf("12 00 03 03"),
            0x00, 0x00, .. Hex.FrameOf("13 00 04 02"), .. Hex.FrameOf("30 00 05 08"), .. Hex.FrameOf("7F 00 06"),
            .. Hex.FrameOf("11 00 07 09 01"), .. Hex.FrameOf("02"),
        ];
        long[] attempts = MeasureAttempts(device, setup, chunk);

        output.WriteLine("mixed stream: bytes allocated per attempt: " + string.Join(", ", attempts));
        AssertNoAllocation(attempts);
    }

    [Fact]
    public void Session_preallocation_is_within_2_KB_plus_the_maximum_payload()
    {
        foreach (int maxPayload in new[] { 128, 1024, 4096, 65535 })
        {
            using var device = new TestDevice(options => options.MaxPayloadBytes = maxPayload);
            int bytes = device.Server.SessionPreallocatedBytes;
            output.WriteLine("MaxPayloadBytes " + maxPayload + ": SessionPreallocatedBytes " + bytes);

            Assert.InRange(bytes, maxPayload + 512, 2048 + maxPayload);
        }
    }

    [Fact]
    public void Session_preallocation_on_the_esp32_devkit_with_defaults()
    {
        using var board = new VirtualDevice.VirtualBoard();
        var server = new DeviceServer(board.Services, new DeviceOptions(), new TestLog());
        output.WriteLine("ESP32 DevKit, defaults: SessionPreallocatedBytes " + server.SessionPreallocatedBytes);

        Assert.InRange(server.SessionPreallocatedBytes, 1024, 2048 + DeviceOptions.DefaultMaxPayloadBytes);
        server.Stop();
    }

    // The runtime occasionally charges a thread for the unused rest of its allocation context (about 8 KB,
    // seen with no GC and no managed allocation in the code under test, when tests run in parallel). So each
    // attempt must stay below one byte per request - any per-command allocation is at least 24 bytes per
    // request - and at least one attempt must measure exactly zero.
    private static void AssertNoAllocation(long[] attempts)
    {
        Assert.All(attempts, bytes => Assert.InRange(bytes, 0, (MeasuredChunks * RequestsPerChunk) - 1));
        Assert.Contains(0L, attempts);
    }

    private static long[] MeasureAttempts(TestDevice device, byte[] setup, byte[] chunk)
    {
        byte[][] chunks = [setup, .. Enumerable.Repeat(chunk, WarmUpChunks + MeasuredChunks)];
        var attempts = new long[Attempts];
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            var transport = new ScriptedTransport(chunks, null, 0, 16 << 20);
            Assert.True(device.Server.ServeConnection(transport));
            Assert.Equal(chunks.Length + 1, transport.ReceiveCalls);
            attempts[attempt] = transport.AllocatedBetween(1 + WarmUpChunks, 1 + WarmUpChunks + MeasuredChunks);
        }

        return attempts;
    }
}

[CollectionDefinition(nameof(AllocationTests), DisableParallelization = true)]
public sealed class AllocationTestsCollection;
