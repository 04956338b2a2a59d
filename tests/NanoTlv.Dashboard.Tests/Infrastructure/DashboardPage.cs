using System;
using System.Threading.Tasks;
using NanoTlv.Client;

namespace NanoTlv.Dashboard.Tests.Infrastructure
{
    /// <summary>A running dashboard and the browser showing it. Disposing leaves the page first, so the closing
    /// server's event stream does not show up as a console error in the next test.</summary>
    public sealed class DashboardPage : IAsyncDisposable
    {
        public static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(10);

        private DashboardPage(HeadlessChromium browser, DashboardServer server)
        {
            Browser = browser;
            Server = server;
        }

        public HeadlessChromium Browser { get; }

        public DashboardServer Server { get; }

        /// <summary>Starts a dashboard of <paramref name="boards"/> (inputs 4, outputs 23, ADC 34, fast sensors and
        /// retries unless <paramref name="configure"/> says otherwise) and opens it once the first snapshot is shown.</summary>
        public static async Task<DashboardPage> OpenAsync(HeadlessChromium browser, BoardEndpoint[] boards, Action<DashboardOptions>? configure = null)
        {
            var options = new DashboardOptions
            {
                Boards = boards,
                InputPins = [4],
                OutputPins = [23],
                AdcPins = [34],
                SensorInterval = TimeSpan.FromMilliseconds(200),
                Reconnect = new ReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(200) },
            };
            configure?.Invoke(options);
            DashboardServer server = await DashboardServer.StartAsync(options);
            browser.Driver.Navigate().GoToUrl("about:blank");
            browser.ReadConsole();
            browser.Driver.Navigate().GoToUrl(server.Address);
            HeadlessChromium.WaitUntil(() => browser.Run("return document.documentElement.dataset.stream;") as string == "live", LoadTimeout, "the page shows the first snapshot");
            return new DashboardPage(browser, server);
        }

        /// <summary>The level the page shows for <paramref name="pin"/>: "1", "0", "" (unknown) or null (no row).</summary>
        public string? Level(int board, int pin) =>
            Browser.Run("const cell = document.querySelector(arguments[0]); return cell ? cell.dataset.level : null;", "#b" + board + "-pin-" + pin + " .level") as string;

        /// <summary>The connection state the page shows for <paramref name="board"/>.</summary>
        public string? Connection(int board) =>
            Browser.Run("const badge = document.querySelector(arguments[0]); return badge ? badge.dataset.state : null;", "#board-" + board + " .conn") as string;

        public TimeSpan WaitForLevel(int board, int pin, bool high, TimeSpan timeout) =>
            HeadlessChromium.WaitUntil(() => Level(board, pin) == (high ? "1" : "0"), timeout, "board " + board + " pin " + pin + " shown " + (high ? "high" : "low"));

        public TimeSpan WaitForConnection(int board, string state, TimeSpan timeout) =>
            HeadlessChromium.WaitUntil(() => Connection(board) == state, timeout, "board " + board + " shown " + state);

        public async ValueTask DisposeAsync()
        {
            Browser.Driver.Navigate().GoToUrl("about:blank");
            await Server.DisposeAsync();
        }
    }
}
