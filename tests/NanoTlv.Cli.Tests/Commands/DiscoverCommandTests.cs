using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Cli.Tests.Infrastructure;
using NanoTlv.Messages;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Cli.Tests.Commands
{
    /// <summary>serve answers and announces on loopback UDP; discover lists it; --device finds it by name or id.
    /// Every socket is at 127.0.0.1 on a free port.</summary>
    public sealed class DiscoverCommandTests
    {
        [Fact]
        public async Task Discover_lists_a_served_board_as_json_and_as_a_table()
        {
            await using var served = await ServedBoard.StartAsync("bench-board", "--token", "s3cret");

            CliResult json = await Tlvctl.RunAsync("discover", "--json", "--timeout", "1500", "--discovery", served.DiscoveryTarget);
            Assert.True(json.ExitCode == 0, json.ToString());
            JsonElement board = Assert.Single(json.Json().GetProperty("boards").EnumerateArray());
            Assert.Equal("bench-board", board.GetProperty("name").GetString());
            Assert.Equal(served.BoardId, board.GetProperty("id").GetString());
            Assert.Equal("127.0.0.1", board.GetProperty("address").GetString());
            Assert.Equal(served.TcpPort, board.GetProperty("port").GetInt32());
            Assert.True(board.GetProperty("tokenRequired").GetBoolean());
            Assert.DoesNotContain("s3cret", json.Out, StringComparison.Ordinal);

            CliResult table = await Tlvctl.RunAsync("discover", "--timeout", "1500", "--discovery", served.DiscoveryTarget);
            Assert.True(table.ExitCode == 0, table.ToString());
            Assert.Contains("bench-board", table.Out, StringComparison.Ordinal);
            Assert.Contains("127.0.0.1:" + served.TcpPort, table.Out, StringComparison.Ordinal);
            Assert.Contains("required", table.Out, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Discover_with_nobody_answering_says_so()
        {
            using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            string target = "127.0.0.1:" + ((IPEndPoint)silent.Client.LocalEndPoint!).Port.ToString(CultureInfo.InvariantCulture);

            CliResult result = await Tlvctl.RunAsync("discover", "--timeout", "300", "--discovery", target);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("No board answered at " + target, result.Out, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Device_may_be_a_board_name_or_id_found_by_discovery()
        {
            await using var served = await ServedBoard.StartAsync("lab-bench");

            CliResult byName = await Tlvctl.RunAsync("hello", "--json", "--device", "LAB-BENCH", "--discovery", served.DiscoveryTarget);
            Assert.True(byName.ExitCode == 0, byName.ToString());
            Assert.Equal("lab-bench", byName.Json().GetProperty("name").GetString());

            CliResult byId = await Tlvctl.RunAsync("ping", "--device", served.BoardId, "--discovery", served.DiscoveryTarget);
            Assert.True(byId.ExitCode == 0, byId.ToString());
        }

        [Fact]
        public async Task Serve_announces_periodically_to_the_chosen_address()
        {
            using var listener = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            string announceTo = "127.0.0.1:" + ((IPEndPoint)listener.Client.LocalEndPoint!).Port.ToString(CultureInfo.InvariantCulture);
            await using var served = await ServedBoard.StartAsync("announcer", "--announce-to", announceTo, "--announce-interval", "1");

            for (int i = 0; i < 2; i++)
            {
                using var timeout = new CancellationTokenSource(Tlvctl.Limit);
                UdpReceiveResult received = await listener.ReceiveAsync(timeout.Token);
                var board = new BoardAnnouncement();
                Assert.Equal(DiscoveryStatus.Ok, DiscoveryCodec.ReadAnnouncement(received.Buffer, 0, received.Buffer.Length, board));
                Assert.Equal("announcer", board.Name);
                Assert.Equal(served.TcpPort, board.TcpPort);
            }
        }

        [Theory]
        [InlineData("--discovery", "my-broadcast")]
        [InlineData("--discovery", "127.0.0.1:99999")]
        [InlineData("--discovery", "::1")]
        public async Task A_bad_discovery_target_is_a_usage_error_that_names_it(string option, string value)
        {
            CliResult result = await Tlvctl.RunAsync("discover", option, value);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("'" + value + "' is not a discovery target", result.Err, StringComparison.Ordinal);
        }

        /// <summary>A running <c>tlvctl serve</c> with discovery on a free loopback port.</summary>
        private sealed class ServedBoard : IAsyncDisposable
        {
            private readonly CancellationTokenSource _stop;
            private readonly Task<int> _serve;

            private ServedBoard(CancellationTokenSource stop, Task<int> serve, JsonElement listening)
            {
                _stop = stop;
                _serve = serve;
                TcpPort = listening.GetProperty("port").GetInt32();
                BoardId = listening.GetProperty("boardId").GetString()!;
                DiscoveryTarget = "127.0.0.1:" + listening.GetProperty("discoveryPort").GetInt32().ToString(CultureInfo.InvariantCulture);
            }

            public int TcpPort { get; }

            public string BoardId { get; }

            public string DiscoveryTarget { get; }

            public static async Task<ServedBoard> StartAsync(string name, params string[] extra)
            {
                var output = new LockedWriter();
                var error = new LockedWriter();
                var stop = new CancellationTokenSource(Tlvctl.Limit);
                string[] args = ["serve", "--port", "0", "--discovery-port", "0", "--announce-to", "127.0.0.1:9", "--announce-interval", "0", "--name", name, "--json"];
                for (int i = 0; i < extra.Length; i += 2)
                {
                    int existing = Array.IndexOf(args, extra[i]);
                    args = existing >= 0 ? [.. args[..(existing + 1)], extra[i + 1], .. args[(existing + 2)..]] : [.. args, extra[i], extra[i + 1]];
                }

                Task<int> serve = Tlvctl.Start(output, error, stop.Token, args);
                Assert.True(await Wait.TryUntilAsync(() => output.ToString().Contains("\"listening\"", StringComparison.Ordinal)), output + "\n" + error);
                return new ServedBoard(stop, serve, JsonDocument.Parse(output.ToString().Split('\n')[0]).RootElement);
            }

            public async ValueTask DisposeAsync()
            {
                await _stop.CancelAsync();
                Assert.Equal(0, await _serve.WaitAsync(Tlvctl.Limit));
                _stop.Dispose();
            }
        }
    }
}
