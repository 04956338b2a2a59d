using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Dashboard.Tests.Infrastructure;
using Xunit;

namespace NanoTlv.Dashboard.Tests
{
    /// <summary>What the dashboard serves, read over HTTP: no tokens, loopback only, commands guarded.</summary>
    public sealed class DashboardHttpTests
    {
        private const string Token = "tok-5b1e-never-in-the-browser";
        private static readonly TimeSpan StateTimeout = TimeSpan.FromSeconds(10);

        [Fact]
        public async Task Nothing_the_dashboard_serves_contains_the_board_token()
        {
            using var device = new RestartableBoard("locked", Token);
            await using DashboardServer server = await StartAsync(device.Endpoint(Token));
            using var http = new HttpClient { BaseAddress = server.Address };
            HeadlessChromium.WaitUntil(() => server.Snapshot()[0].Authenticated, StateTimeout, "the board accepted the token");

            var served = new StringBuilder();
            foreach (string path in new[] { "/", "/index.html", "/app.js", "/app.css", "/api/boards" })
            {
                served.Append(await http.GetStringAsync(new Uri(path, UriKind.Relative)));
            }

            served.Append(await ReadEventsAsync(http, TimeSpan.FromSeconds(1)));

            string text = served.ToString();
            Assert.Contains("\"authenticated\":true", text, StringComparison.Ordinal);
            Assert.Contains("event: snapshot", text, StringComparison.Ordinal);
            Assert.Contains("event: bme280", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, device.Endpoint(Token).ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task It_listens_on_loopback_unless_told_otherwise()
        {
            Assert.Equal(IPAddress.Loopback, new DashboardOptions().ListenAddress);
            using var device = new RestartableBoard("bench-a");
            await using DashboardServer server = await StartAsync(device.Endpoint());

            Assert.Equal("127.0.0.1", server.Address.Host);
        }

        [Fact]
        public async Task Requests_for_another_host_name_are_refused()
        {
            using var device = new RestartableBoard("bench-a");
            await using DashboardServer server = await StartAsync(device.Endpoint());
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "/api/boards"));
            request.Headers.Host = "rebound.example:" + server.Address.Port;

            using HttpResponseMessage response = await http.SendAsync(request);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("not a loopback name", await ErrorOfAsync(response), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Commands_that_a_foreign_page_could_send_are_refused_and_change_nothing()
        {
            using var device = new RestartableBoard("bench-a");
            await using DashboardServer server = await StartConnectedAsync(device.Endpoint());
            using var http = new HttpClient { BaseAddress = server.Address };
            var toggle = new Uri("/api/boards/0/pins/23/toggle", UriKind.Relative);

            using var form = new HttpRequestMessage(HttpMethod.Post, toggle) { Content = new StringContent("{}", Encoding.UTF8, "text/plain") };
            using HttpResponseMessage formResponse = await http.SendAsync(form);
            using var crossOrigin = new HttpRequestMessage(HttpMethod.Post, toggle) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            crossOrigin.Headers.Add("Origin", "http://evil.example");
            using HttpResponseMessage crossOriginResponse = await http.SendAsync(crossOrigin);

            Assert.Equal(HttpStatusCode.Forbidden, formResponse.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, crossOriginResponse.StatusCode);
            Assert.False(device.Board.IsHigh(23));

            using HttpResponseMessage accepted = await http.PostAsync(toggle, new StringContent("{}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.True(device.Board.IsHigh(23));
        }

        [Fact]
        public async Task A_command_the_board_refuses_answers_with_the_boards_reason()
        {
            using var device = new RestartableBoard("bench-a");
            await using DashboardServer server = await StartConnectedAsync(device.Endpoint());
            using var http = new HttpClient { BaseAddress = server.Address };

            using HttpResponseMessage reserved = await http.PostAsync(new Uri("/api/boards/0/pins/6/mode", UriKind.Relative), new StringContent("{\"mode\":\"Output\"}", Encoding.UTF8, "application/json"));
            using HttpResponseMessage badMode = await http.PostAsync(new Uri("/api/boards/0/pins/23/mode", UriKind.Relative), new StringContent("{\"mode\":\"Sideways\"}", Encoding.UTF8, "application/json"));
            using HttpResponseMessage noBoard = await http.PostAsync(new Uri("/api/boards/7/pins/23/toggle", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.Conflict, reserved.StatusCode);
            Assert.Contains("PinReserved", await ErrorOfAsync(reserved), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, badMode.StatusCode);
            Assert.StartsWith("Unknown pin mode 'Sideways'; use one of Input, InputPullUp", await ErrorOfAsync(badMode), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, noBoard.StatusCode);
            Assert.Contains(server.Snapshot()[0].Log, entry => entry.Kind == "error" && entry.Text.Contains("PinReserved", StringComparison.Ordinal));
        }

        private static async Task<string?> ErrorOfAsync(HttpResponseMessage response)
        {
            using JsonDocument reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return reply.RootElement.GetProperty("error").GetString();
        }

        private static async Task<DashboardServer> StartConnectedAsync(BoardEndpoint board)
        {
            DashboardServer server = await StartAsync(board);
            HeadlessChromium.WaitUntil(() => server.Snapshot()[0].Connection == Boards.ConnectionState.Connected, StateTimeout, "connected");
            return server;
        }

        private static Task<DashboardServer> StartAsync(BoardEndpoint board) =>
            DashboardServer.StartAsync(new DashboardOptions { Boards = [board], OutputPins = [23], SensorInterval = TimeSpan.FromMilliseconds(100) });

        private static async Task<string> ReadEventsAsync(HttpClient http, TimeSpan duration)
        {
            using var stop = new CancellationTokenSource(duration);
            using HttpResponseMessage response = await http.GetAsync(new Uri("/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            var text = new StringBuilder();
            try
            {
                while (await reader.ReadLineAsync(stop.Token) is string line)
                {
                    text.AppendLine(line);
                }
            }
            catch (OperationCanceledException)
            {
                // The stream never ends by itself: read for the given time.
            }

            return text.ToString();
        }
    }
}
