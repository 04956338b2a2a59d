using NanoTlv.Framing;
using NanoTlv.Messages;
using NanoTlv.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace NanoTlv.Reliability.Tests.Torture;

/// <summary>
/// Clients vanish mid-header and mid-payload, with a reset (linger 0) or a plain close. After each, the
/// pins the connection controlled must be at their failsafe levels, its slot free, and the device must answer
/// a PING on a new connection.
/// </summary>
public sealed class AbruptDisconnectTests
{
    private const int CiRounds = 40;
    private static readonly int[] OutputPins = [13, 14, 16, 17];

    private readonly ITestOutputHelper _output;

    public AbruptDisconnectTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public enum Cut
    {
        MidHeader,
        MidPayload,
        BetweenFrames,
    }

    [Theory]
    [InlineData(Cut.MidHeader, true)]
    [InlineData(Cut.MidHeader, false)]
    [InlineData(Cut.MidPayload, true)]
    [InlineData(Cut.MidPayload, false)]
    [InlineData(Cut.BetweenFrames, true)]
    public void ClientVanishes_FailsafeApplies_AndDeviceServesTheNextConnection(Cut cut, bool reset)
    {
        int seed = ReliabilitySettings.Seed(7001 + ((int)cut * 2) + (reset ? 1 : 0));
        var random = new Random(seed);
        int rounds = ReliabilitySettings.Scaled(CiRounds);
        using var device = new RunningDevice();
        for (int round = 0; round < rounds; round++)
        {
            string where = "seed " + seed + ", round " + round;
            int pin = OutputPins[round % OutputPins.Length];
            bool failsafeHigh = random.Next(2) == 1;
            RawClient client = device.Connect();
            Requests.ArmFailsafe(client, pin, failsafeHigh, firstId: 1);
            Assert.True(device.Board.IsHigh(pin) != failsafeHigh, where + ": the pin was not driven away from its failsafe level");

            client.Send(PartialFrame(cut, random));
            if (reset)
            {
                client.Abort();
            }
            else
            {
                client.Dispose();
            }

            Wait.Until(() => device.Board.IsHigh(pin) == failsafeHigh, Wait.Long, where + ": GPIO " + pin + " at its failsafe level " + failsafeHigh);
            device.WaitForActiveSessions(0);
            using RawClient next = device.Connect();
            Requests.Ping(next, (ushort)(round + 1), (byte)round);
            Assert.Equal(failsafeHigh, device.Board.IsHigh(pin));
        }

        _output.WriteLine("{0} rounds of {1} with {2}: failsafe applied and the next connection served every time ({3} device log lines, {4} errors)",
            rounds, cut, reset ? "RST" : "FIN", device.Log.Count, device.Log.ErrorCount);
    }

    private static byte[] PartialFrame(Cut cut, Random random)
    {
        byte[] frame = Wire.RequestFrame(Opcode.Ping, 0x4242, new byte[random.Next(4, 200)]);
        return cut switch
        {
            Cut.MidHeader => frame[..random.Next(1, FrameFormat.HeaderBytes)],
            Cut.MidPayload => frame[..random.Next(FrameFormat.HeaderBytes + 1, frame.Length)],
            _ => [],
        };
    }
}
