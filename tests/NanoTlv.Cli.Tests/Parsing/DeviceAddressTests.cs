using System;
using System.Threading.Tasks;
using NanoTlv.Cli.Parsing;
using NanoTlv.Cli.Tests.Infrastructure;
using Xunit;

namespace NanoTlv.Cli.Tests.Parsing
{
    /// <summary>--device parsing, without connecting anywhere (only 127.0.0.1 is ever a test's target).</summary>
    public sealed class DeviceAddressTests
    {
        [Theory]
        [InlineData("[::1]:5150", "::1", 5150, "[::1]:5150")]
        [InlineData("[::1]", "::1", 5150, "[::1]:5150")]
        [InlineData("[fe80::1%eth0]:6000", "fe80::1%eth0", 6000, "[fe80::1%eth0]:6000")]
        [InlineData("::1", "::1", 5150, "[::1]:5150")]
        [InlineData("192.168.1.50:5150", "192.168.1.50", 5150, "192.168.1.50:5150")]
        [InlineData(" kitchen ", "kitchen", 5150, "kitchen:5150")]
        public void Addresses_parse_to_host_and_port(string text, string host, int port, string printed)
        {
            DeviceAddress address = DeviceAddress.Parse(text);
            Assert.Equal(host, address.Host);
            Assert.Equal(port, address.Port);
            Assert.Equal(printed, address.ToString());
        }

        [Theory]
        [InlineData("http://192.168.1.50:5150", "is a URL; a device address is host:port")]
        [InlineData("tcp://board:5150", "is a URL")]
        [InlineData("[kitchen]:5150", "brackets hold an IPv6 address")]
        [InlineData("[::1]5150", "is not a device address")]
        [InlineData("[::1:5150", "is not a device address")]
        [InlineData("board/x:5150", "is not a device address")]
        [InlineData("board:99999", "is not a device address")]
        public void Bad_addresses_say_what_is_wrong(string text, string expected)
        {
            UsageException error = Assert.Throws<UsageException>(() => DeviceAddress.Parse(text));
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task A_url_as_device_is_a_usage_error_before_any_connection()
        {
            CliResult result = await Tlvctl.RunAsync("hello", "--device", "http://127.0.0.1:5150", "--json");
            Assert.Equal(ExitCodes.UsageError, result.ExitCode);
            Assert.Contains("'http://127.0.0.1:5150' is a URL", result.Err, StringComparison.Ordinal);
            Assert.Equal("usage", result.Json().GetProperty("error").GetProperty("kind").GetString());
        }
    }
}
