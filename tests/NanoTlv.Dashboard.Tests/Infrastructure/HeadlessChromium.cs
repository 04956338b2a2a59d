using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace NanoTlv.Dashboard.Tests.Infrastructure
{
    /// <summary>
    /// Debian's Chromium driven through Debian's chromedriver (packages chromium and chromium-driver; .ci/run
    /// installs them), headless, with the browser console captured. Used by the dashboard tests and by the
    /// dashboard measurement in NanoTlv.Benchmarks (linked source).
    /// </summary>
    public sealed class HeadlessChromium : IDisposable
    {
        /// <summary>Overrides the Chromium binary (default /usr/bin/chromium).</summary>
        public const string ChromiumVariable = "NANOTLV_CHROMIUM";

        /// <summary>Overrides the chromedriver binary (default /usr/bin/chromedriver).</summary>
        public const string DriverVariable = "NANOTLV_CHROMEDRIVER";

        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

        private HeadlessChromium(ChromeDriver driver)
        {
            Driver = driver;
        }

        /// <summary>The WebDriver session.</summary>
        public ChromeDriver Driver { get; }

        /// <summary>Starts a headless browser with a window of <paramref name="width"/> × <paramref name="height"/>.</summary>
        /// <exception cref="InvalidOperationException">Chromium or chromedriver is not installed.</exception>
        public static HeadlessChromium Start(int width = 1000, int height = 640)
        {
            string browser = Environment.GetEnvironmentVariable(ChromiumVariable) ?? "/usr/bin/chromium";
            string driverPath = Environment.GetEnvironmentVariable(DriverVariable) ?? "/usr/bin/chromedriver";
            if (!File.Exists(browser) || !File.Exists(driverPath))
            {
                throw new InvalidOperationException(
                    "The browser tests need Chromium at " + browser + " and chromedriver at " + driverPath
                    + ": install Debian's packages with 'apt-get install -y chromium chromium-driver' (.ci/run does), or set "
                    + ChromiumVariable + " and " + DriverVariable + ".");
            }

            var options = new ChromeOptions { BinaryLocation = browser };
            options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=" + width + "," + height);
            options.SetLoggingPreference(LogType.Browser, LogLevel.All);
            ChromeDriverService service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
            service.HideCommandPromptWindow = true;
            service.SuppressInitialDiagnosticInformation = true;
            return new HeadlessChromium(new ChromeDriver(service, options, TimeSpan.FromSeconds(30)));
        }

        /// <summary>Browser console entries logged since the last call (console.error, failed loads, script errors
        /// are <see cref="LogLevel.Severe"/>).</summary>
        public IReadOnlyList<LogEntry> ReadConsole() => Driver.Manage().Logs.GetLog(LogType.Browser).ToArray();

        /// <summary>Runs <paramref name="script"/> in the page and returns its value.</summary>
        public object? Run(string script, params object[] arguments) => Driver.ExecuteScript(script, arguments);

        /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
        /// <returns>How long it took.</returns>
        /// <exception cref="TimeoutException">The condition did not hold in time.</exception>
        public static TimeSpan WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
        {
            var elapsed = Stopwatch.StartNew();
            while (!condition())
            {
                if (elapsed.Elapsed > timeout)
                {
                    throw new TimeoutException("Not within " + timeout.TotalMilliseconds + " ms: " + what + ".");
                }

                Thread.Sleep(PollInterval);
            }

            return elapsed.Elapsed;
        }

        /// <summary>Polls until <paramref name="cssSelector"/> matches an element in the page.</summary>
        /// <returns>How long it took.</returns>
        public TimeSpan WaitForElement(string cssSelector, TimeSpan timeout) =>
            WaitUntil(() => Run("return document.querySelector(arguments[0]) !== null;", cssSelector) is true, timeout, "the page shows " + cssSelector);

        /// <summary>Saves a PNG of the window to <paramref name="path"/> (its folder is created).</summary>
        public void SaveScreenshot(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            Driver.GetScreenshot().SaveAsFile(path);
        }

        /// <summary>Ends the browser and the driver.</summary>
        public void Dispose() => Driver.Quit();
    }
}
