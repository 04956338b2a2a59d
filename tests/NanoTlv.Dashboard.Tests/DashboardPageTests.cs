using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NanoTlv.Dashboard.Tests.Infrastructure;
using OpenQA.Selenium;
using Xunit;

namespace NanoTlv.Dashboard.Tests
{
    /// <summary>The dashboard in a real headless Chromium against virtual boards.</summary>
    public sealed class DashboardPageTests : IClassFixture<BrowserFixture>
    {
        private static readonly TimeSpan EventToScreenLimit = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan StateTimeout = TimeSpan.FromSeconds(10);
        private readonly HeadlessChromium _browser;

        public DashboardPageTests(BrowserFixture fixture)
        {
            _browser = fixture.Browser;
        }

        [Fact]
        public async Task Page_loads_and_shows_the_board_without_console_errors()
        {
            const string token = "tok-93c1-page-must-not-see";
            using var device = new RestartableBoard("bench-a", token);
            await using DashboardPage page = await DashboardPage.OpenAsync(_browser, [device.Endpoint(token)]);

            page.WaitForConnection(0, "connected", StateTimeout);
            _browser.WaitForElement("#b0-pin-34", StateTimeout);
            HeadlessChromium.WaitUntil(() => _browser.Run("return document.querySelector('#board-0 .adc').textContent;") is string adc && adc.Contains("GPIO34", StringComparison.Ordinal), StateTimeout, "ADC shown");
            HeadlessChromium.WaitUntil(() => _browser.Run("return document.querySelectorAll('#board-0 .chart polyline').length;") is long and > 0, StateTimeout, "BME280 chart drawn");
            Assert.Equal("bench-a", _browser.Run("return document.querySelector('#board-0 .name').textContent;"));
            Assert.Equal("1", page.Level(0, 4));
            Assert.Contains("authenticated", (string)_browser.Run("return document.querySelector('#board-0 .info').textContent;")!, StringComparison.Ordinal);
            Assert.DoesNotContain(token, _browser.Driver.PageSource, StringComparison.Ordinal);

            LogEntry[] errors = _browser.ReadConsole().Where(entry => entry.Level >= LogLevel.Warning).ToArray();
            Assert.True(errors.Length == 0, "console: " + string.Join(" | ", errors.Select(entry => entry.Message)));
        }

        [Fact]
        public async Task Console_errors_are_seen_by_the_check()
        {
            using var device = new RestartableBoard("bench-a");
            await using DashboardPage page = await DashboardPage.OpenAsync(_browser, [device.Endpoint()]);

            _browser.Run("console.error('console probe 42');");

            Assert.Contains(_browser.ReadConsole(), entry => entry.Level == LogLevel.Severe && entry.Message.Contains("console probe 42", StringComparison.Ordinal));
        }

        [Fact]
        public async Task An_input_changed_on_the_board_is_on_the_page_within_a_second()
        {
            using var device = new RestartableBoard("bench-a");
            await using DashboardPage page = await DashboardPage.OpenAsync(_browser, [device.Endpoint()]);
            page.WaitForLevel(0, 4, true, StateTimeout);

            device.Board.DriveInput(4, false);
            TimeSpan fall = page.WaitForLevel(0, 4, false, EventToScreenLimit);
            device.Board.DriveInput(4, true);
            TimeSpan rise = page.WaitForLevel(0, 4, true, EventToScreenLimit);

            Assert.True(fall < EventToScreenLimit && rise < EventToScreenLimit, "fall " + fall + ", rise " + rise);
            Assert.Contains("pin 4 -> low", (string)_browser.Run("return document.querySelector('#board-0 .log').textContent;")!, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_click_on_an_output_toggles_the_boards_pin()
        {
            using var device = new RestartableBoard("bench-a");
            await using DashboardPage page = await DashboardPage.OpenAsync(_browser, [device.Endpoint()]);
            page.WaitForLevel(0, 23, false, StateTimeout);
            Assert.False(device.Board.IsHigh(23));

            _browser.Driver.FindElement(By.CssSelector("#b0-pin-23 button.toggle")).Click();
            HeadlessChromium.WaitUntil(() => device.Board.IsHigh(23), StateTimeout, "the virtual board's pin 23 is high");
            page.WaitForLevel(0, 23, true, StateTimeout);

            _browser.Driver.FindElement(By.CssSelector("#b0-pin-23 button.toggle")).Click();
            HeadlessChromium.WaitUntil(() => !device.Board.IsHigh(23), StateTimeout, "the virtual board's pin 23 is low again");
            page.WaitForLevel(0, 23, false, StateTimeout);
        }

        [Fact]
        public async Task A_pwm_duty_set_on_the_page_runs_on_the_board()
        {
            using var device = new RestartableBoard("bench-a");
            await using DashboardPage page = await DashboardPage.OpenAsync(_browser, [device.Endpoint()]);
            page.WaitForConnection(0, "connected", StateTimeout);

            _browser.Run("document.querySelector('#board-0').classList.add('show-all');");
            IWebElement duty = _browser.Driver.FindElement(By.CssSelector("#b0-pin-18 .pwm input"));
            duty.Clear();
            duty.SendKeys("30");
            _browser.Driver.FindElement(By.CssSelector("#b0-pin-18 .pwm-set")).Click();

            HeadlessChromium.WaitUntil(() => device.Board.GetPwmState(18).IsRunning, StateTimeout, "PWM runs on pin 18");
            Assert.Equal(3000, device.Board.GetPwmState(18).DutyTenThousandths);
            HeadlessChromium.WaitUntil(() => _browser.Run("return document.querySelector('#b0-pin-18 .level').textContent;") as string == "PWM 30 %", StateTimeout, "PWM shown");
        }

        [Fact]
        public async Task A_board_that_goes_away_is_shown_disconnected_and_comes_back()
        {
            using var device = new RestartableBoard("bench-a");
            await using DashboardPage page = await DashboardPage.OpenAsync(_browser, [device.Endpoint()]);
            page.WaitForConnection(0, "connected", StateTimeout);

            device.Stop();
            page.WaitForConnection(0, "disconnected", StateTimeout);
            Assert.Equal(string.Empty, page.Level(0, 4));

            device.Restart();
            page.WaitForConnection(0, "connected", StateTimeout);
            page.WaitForLevel(0, 4, true, StateTimeout);
            device.Board.DriveInput(4, false);
            page.WaitForLevel(0, 4, false, EventToScreenLimit);
        }

        [Fact]
        public async Task Screenshot_of_two_boards_is_saved()
        {
            using var first = new RestartableBoard("greenhouse");
            using var second = new RestartableBoard("garage-door");
            await using DashboardPage page = await DashboardPage.OpenAsync(_browser, [first.Endpoint(), second.Endpoint()], options => options.SensorInterval = TimeSpan.FromMilliseconds(100));
            page.WaitForConnection(0, "connected", StateTimeout);
            page.WaitForConnection(1, "connected", StateTimeout);
            first.Board.SetAnalogMillivolts(34, 1650);
            _browser.Driver.FindElement(By.CssSelector("#b0-pin-23 button.toggle")).Click();
            for (int step = 0; step < 20; step++)
            {
                first.Board.SetEnvironment(21.0 + (1.5 * Math.Sin(step / 3.0)), 101325, 45 + step);
                first.Board.DriveInput(4, step % 4 < 2);
                await Task.Delay(110);
            }

            second.Stop();
            page.WaitForConnection(1, "disconnected", StateTimeout);

            string path = Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard.png");
            _browser.SaveScreenshot(path);
            Assert.True(new FileInfo(path).Length > 10_000, "screenshot at " + path + " is too small to show the page");
        }
    }
}
