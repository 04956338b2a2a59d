using System;
using NanoTlv.Client;
using Xunit;

namespace NanoTlv.Client.Tests.Unit
{
    public sealed class ErrorTextTests
    {
        [Fact]
        public void Argument_exceptions_lose_the_parameter_name_and_actual_value()
        {
            Assert.Equal("A pin number is 0..255; got 300.", ErrorText.Of(new ArgumentOutOfRangeException("pin", 300, "A pin number is 0..255; got 300.")));
            Assert.Equal("A pin number is 0..255; got 300.", ErrorText.Of(new ArgumentOutOfRangeException("pin", "A pin number is 0..255; got 300.")));
            Assert.Equal("Name must be printable ASCII.", ErrorText.Of(new ArgumentException("Name must be printable ASCII.", "DeviceName")));
            Assert.Equal("No parameter here.", ErrorText.Of(new ArgumentException("No parameter here.")));
            Assert.DoesNotContain("Parameter", ErrorText.Of(new ArgumentNullException("token")), StringComparison.Ordinal);
        }

        [Fact]
        public void Other_exceptions_keep_their_message() =>
            Assert.Equal("Connection refused (Parameter 'x')", ErrorText.Of(new InvalidOperationException("Connection refused (Parameter 'x')")));

        [Theory]
        [InlineData("::1", 5150, "[::1]:5150")]
        [InlineData("fe80::1%eth0", 6000, "[fe80::1%eth0]:6000")]
        [InlineData("127.0.0.1", 5150, "127.0.0.1:5150")]
        [InlineData("kitchen.local", 1, "kitchen.local:1")]
        public void Endpoints_print_ipv6_addresses_in_brackets(string host, int port, string expected) =>
            Assert.Equal(expected, TlvClient.FormatEndpoint(host, port));
    }
}
