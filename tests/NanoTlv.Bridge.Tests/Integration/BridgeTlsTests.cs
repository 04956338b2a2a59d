using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NanoTlv.Bridge.Tests.Support;
using Xunit;

namespace NanoTlv.Bridge.Tests.Integration
{
    /// <summary>The bridge against a Mosquitto whose only listener is TLS, with a CA and certificate made by the test.</summary>
    public sealed class BridgeTlsTests
    {
        private static readonly TimeSpan LogLimit = TimeSpan.FromSeconds(10);

        [Fact]
        public async Task TlvctlBridge_WithTheBrokersCaFile_ConnectsOverTls_AndPublishesTheBoard()
        {
            TestCertificates certificates = TestCertificates.Create();
            using var broker = await MosquittoBroker.StartAsync(tls: certificates);
            using var board = new BoardScope("tlsboard");
            string caFile = certificates.WriteCa(Path.GetTempFileName());
            try
            {
                await using MqttProbe probe = await MqttProbe.ConnectAsync(broker.Port, tls: true);
                using BridgeProcess bridge = BridgeProcess.Start(
                    "--device", "127.0.0.1:" + board.Port, "--outputs", "23", "--broker", "127.0.0.1:" + broker.Port, "--tls", "--ca-file", caFile);
                await probe.WaitForAsync("nanotlv/tlsboard/availability", p => p == "online", TimeSpan.FromSeconds(30));
                await probe.PublishAsync("nanotlv/tlsboard/set/gpio/23", "ON");
                await probe.WaitForAsync("nanotlv/tlsboard/state/gpio/23", p => p == "ON");
                Assert.True(board.Board.IsHigh(23));
                Assert.False(bridge.HasExited);
            }
            finally
            {
                File.Delete(caFile);
            }
        }

        [Fact]
        public async Task Bridge_WithTlsInsecure_AcceptsTheSelfSignedBroker()
        {
            using var broker = await MosquittoBroker.StartAsync(tls: TestCertificates.Create());
            using var board = new BoardScope("insecure");
            await using MqttProbe probe = await MqttProbe.ConnectAsync(broker.Port, tls: true);
            var log = new ConcurrentQueue<string>();
            BridgeOptions options = Bridges.Options(broker.Port, log);
            options.UseTls = true;
            options.AllowUntrustedCertificates = true;
            await using MqttBridge bridge = await MqttBridge.StartAsync(options, [new BridgeBoard("127.0.0.1", board.Port) { Outputs = [Bridges.Output] }]);
            await probe.WaitForAsync("nanotlv/insecure/availability", p => p == "online");
            await probe.WaitForAsync("nanotlv/insecure/state/gpio/" + Bridges.Output, p => p == "OFF");
        }

        [Fact]
        public async Task Bridge_WithTlsButNotTrustingTheCa_RefusesTheBroker_NamingTheCertificateProblem()
        {
            using var broker = await MosquittoBroker.StartAsync(tls: TestCertificates.Create());
            using var board = new BoardScope("untrusted");
            await using MqttProbe probe = await MqttProbe.ConnectAsync(broker.Port, tls: true);
            var log = new ConcurrentQueue<string>();
            BridgeOptions options = Bridges.Options(broker.Port, log);
            options.UseTls = true;
            await using MqttBridge bridge = await MqttBridge.StartAsync(options, [new BridgeBoard("127.0.0.1", board.Port) { Outputs = [Bridges.Output] }]);
            string line = await WaitForLogAsync(log, "cannot reach the broker");
            Assert.Contains("certificate (CN=localhost) is not trusted", line, StringComparison.Ordinal);
            Assert.Contains("UntrustedRoot", line, StringComparison.Ordinal);
            Assert.Contains("--ca-file", line, StringComparison.Ordinal);
            Assert.DoesNotContain(probe.Messages, m => m.Topic.StartsWith("nanotlv/untrusted/", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Bridge_WithACaFileThatDidNotSignTheBroker_RefusesIt()
        {
            using var broker = await MosquittoBroker.StartAsync(tls: TestCertificates.Create());
            using var board = new BoardScope("otherca");
            var log = new ConcurrentQueue<string>();
            BridgeOptions options = Bridges.Options(broker.Port, log);
            options.UseTls = true;
            options.TrustedCaFile = TestCertificates.Create().WriteCa(Path.GetTempFileName());
            try
            {
                await using MqttBridge bridge = await MqttBridge.StartAsync(options, [new BridgeBoard("127.0.0.1", board.Port) { Outputs = [Bridges.Output] }]);
                string line = await WaitForLogAsync(log, "cannot reach the broker");
                Assert.Contains("is not signed by a CA in the CA file", line, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(options.TrustedCaFile);
            }
        }

        [Fact]
        public async Task Bridge_WithoutTls_ToTheTlsPort_ReportsThatItCannotReachTheBroker()
        {
            using var broker = await MosquittoBroker.StartAsync(tls: TestCertificates.Create());
            using var board = new BoardScope("plain");
            var log = new ConcurrentQueue<string>();
            await using MqttBridge bridge = await MqttBridge.StartAsync(Bridges.Options(broker.Port, log), [new BridgeBoard("127.0.0.1", board.Port) { Outputs = [Bridges.Output] }]);
            string line = await WaitForLogAsync(log, "cannot reach the broker");
            Assert.Contains("127.0.0.1:" + broker.Port, line, StringComparison.Ordinal);
        }

        [Fact]
        public void Options_ACaFileThatIsNotPem_IsRefusedAtStart()
        {
            string path = Path.GetTempFileName();
            try
            {
                File.WriteAllText(path, "not a certificate");
                var options = new BridgeOptions { UseTls = true, TrustedCaFile = path };
                ArgumentException error = Assert.Throws<ArgumentException>(options.Validate);
                Assert.Contains("holds no PEM certificate", error.Message, StringComparison.Ordinal);
                Assert.Throws<ArgumentException>(new BridgeOptions { TrustedCaFile = path }.Validate);
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static async Task<string> WaitForLogAsync(ConcurrentQueue<string> log, string text)
        {
            DateTime deadline = DateTime.UtcNow + LogLimit;
            while (DateTime.UtcNow < deadline)
            {
                string? line = log.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
                if (line is not null)
                {
                    return line;
                }

                await Task.Delay(50);
            }

            throw new TimeoutException("No log line with \"" + text + "\" within " + LogLimit + "; log: " + string.Join(" | ", log));
        }
    }
}
