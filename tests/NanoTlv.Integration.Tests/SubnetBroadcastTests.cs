using NanoTlv.Firmware.Net;
using Xunit;

namespace NanoTlv.Integration.Tests;

/// <summary>The broadcast address the ESP32 announces to, from its interface's address and mask.</summary>
public sealed class SubnetBroadcastTests
{
    [Theory]
    [InlineData("192.168.1.40", "255.255.255.0", "192.168.1.255")]
    [InlineData("10.20.30.40", "255.255.0.0", "10.20.255.255")]
    [InlineData("172.16.5.9", "255.255.255.248", "172.16.5.15")]
    [InlineData("127.0.0.1", "255.0.0.0", "127.255.255.255")]
    [InlineData("192.168.1.40", "255.255.255.255", "192.168.1.40")]
    public void The_host_bits_are_set(string address, string mask, string broadcast) =>
        Assert.Equal(broadcast, SubnetBroadcast.For(address, mask).ToString());

    [Theory]
    [InlineData("not-an-address", "255.255.255.0")]
    [InlineData("192.168.1.40", "::1")]
    public void Something_that_is_not_IPv4_is_refused_with_its_text(string address, string mask)
    {
        var error = Assert.Throws<ArgumentException>(() => SubnetBroadcast.For(address, mask));
        Assert.Contains("is not an IPv4 address", error.Message, StringComparison.Ordinal);
    }
}
