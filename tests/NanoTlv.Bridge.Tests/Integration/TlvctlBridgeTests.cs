using System;
using System.Threading.Tasks;
using NanoTlv.Bridge.Tests.Support;
using Xunit;

namespace NanoTlv.Bridge.Tests.Integration
{
    /// <summary><c>tlvctl bridge</c> as users run it: its own process, killed without warning.</summary>
    public sealed class TlvctlBridgeTests
    {
        [Fact]
        public async Task TlvctlBridge_BridgesABoard_AndWhenKilled_TheBrokersLastWillMarksItOffline()
        {
            const string root = "nanotlv/garage/";
            using var broker = await MosquittoBroker.StartAsync();
            using var board = new BoardScope("garage");
            await using MqttProbe probe = await MqttProbe.ConnectAsync(broker.Port);
            using (BridgeProcess bridge = BridgeProcess.Start("--device", "127.0.0.1:" + board.Port, "--outputs", "23", "--inputs", "4", "--broker", "127.0.0.1:" + broker.Port))
            {
                await probe.WaitForAsync(root + "availability", p => p == "online", TimeSpan.FromSeconds(30));
                await probe.PublishAsync(root + "set/gpio/23", "ON");
                await probe.WaitForAsync(root + "state/gpio/23", p => p == "ON");
                Assert.True(board.Board.IsHigh(23));
                probe.Clear();
                Assert.False(bridge.HasExited);
            }

            // Killed (SIGKILL): no clean goodbye, so the "offline" comes from the broker's last will.
            ProbeMessage will = await probe.WaitForAsync(root + "availability");
            Assert.Equal("offline", will.Payload);
        }
    }
}
