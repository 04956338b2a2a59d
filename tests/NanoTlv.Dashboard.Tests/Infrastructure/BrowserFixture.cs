using System;

namespace NanoTlv.Dashboard.Tests.Infrastructure
{
    /// <summary>One headless browser shared by the tests of a class (starting one takes about a second).</summary>
    public sealed class BrowserFixture : IDisposable
    {
        private readonly Lazy<HeadlessChromium> _browser = new(() => HeadlessChromium.Start());

        public HeadlessChromium Browser => _browser.Value;

        public void Dispose()
        {
            if (_browser.IsValueCreated)
            {
                _browser.Value.Dispose();
            }
        }
    }
}
