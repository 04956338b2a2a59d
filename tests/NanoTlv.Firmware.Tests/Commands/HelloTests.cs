using System.Text;
using NanoTlv.Firmware.Tests.Support;
using NanoTlv.Messages;
using Xunit;

namespace NanoTlv.Firmware.Tests.Commands;

public sealed class HelloTests
{
    // version 01, max_payload 04 00, capabilities 00 00 00 7F, fw 01 02 03.
    private const string OpenPrefix = "81 00 01 00 01 04 00 00 00 00 7F 01 02 03";
    private const string TokenPrefix = "81 00 01 00 01 04 00 00 00 00 FF 01 02 03";

    private static string Name => Hex.Format(Encoding.ASCII.GetBytes("test-device"));

    [Fact]
    public void Without_a_token_hello_reports_the_device_and_authenticated()
    {
        using var device = new TestDevice();

        Assert.Equal(OpenPrefix + " 01 0B " + Name, device.LastReply("01 00 01 01 00"));
    }

    [Fact]
    public void A_token_presented_to_a_device_without_one_is_ignored()
    {
        using var device = new TestDevice();

        Assert.Equal(OpenPrefix + " 01 0B " + Name, device.LastReply("01 00 01 01 03 61 62 63"));
    }

    [Fact]
    public void Hello_without_token_on_a_protected_device_is_ok_but_not_authenticated()
    {
        using var device = new TestDevice(options => options.AuthToken = "s3cret");

        var replies = device.ExchangeHex("01 00 01 01 00", "03 00 02");

        Assert.Equal(TokenPrefix + " 00 0B " + Name, replies[0]);
        Assert.Equal("83 00 02 0C", replies[1]);
    }

    [Fact]
    public void The_right_token_authenticates_the_connection()
    {
        using var device = new TestDevice(options => options.AuthToken = "s3cret");
        string token = Hex.Format(Encoding.ASCII.GetBytes("s3cret"));

        var replies = device.Exchange("10 00 01 02 03", "01 00 02 01 06 " + token, "10 00 03 02 03");

        Assert.Equal(StatusCode.NotAuthenticated, (StatusCode)replies[0][3]);
        Assert.Equal(TokenPrefix.Replace("81 00 01", "81 00 02", StringComparison.Ordinal) + " 01 0B " + Name, Hex.Format(replies[1]));
        Assert.Equal("90 00 03 00", Hex.Format(replies[2]));
    }

    [Theory]
    [InlineData("s3creT")]
    [InlineData("s3cre")]
    [InlineData("s3crets")]
    [InlineData("x")]
    [InlineData("s3crets3cret")]
    public void A_wrong_token_gets_NotAuthenticated_and_revokes_authentication(string presented)
    {
        using var device = new TestDevice(options => options.AuthToken = "s3cret");
        string good = Hex.Format(Encoding.ASCII.GetBytes("s3cret"));
        byte[] bad = Encoding.ASCII.GetBytes(presented);

        var replies = device.ExchangeHex(
            "01 00 01 01 06 " + good,
            "01 00 02 01 " + bad.Length.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + " " + Hex.Format(bad),
            "03 00 03");

        Assert.Equal("81 00 02 0C", replies[1]);
        Assert.Equal("83 00 03 0C", replies[2]);
        Assert.DoesNotContain(device.Log.Lines, line => line.Contains("s3cret", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Another_protocol_version_gets_UnsupportedVersion()
    {
        using var device = new TestDevice();

        Assert.Equal("81 00 01 13", device.LastReply("01 00 01 02 00"));
    }

    [Theory]
    [InlineData("01 00 01 01 01")]
    [InlineData("01 00 01 01 02 41")]
    [InlineData("01 00 01 01 00 41")]
    public void A_token_length_that_disagrees_with_the_frame_gets_BadLength(string request)
    {
        using var device = new TestDevice();

        Assert.Equal("81 00 01 02", device.LastReply(request));
    }

    [Fact]
    public void A_64_byte_token_fits_and_65_does_not()
    {
        string token64 = new('k', 64);
        using var device = new TestDevice(options => options.AuthToken = token64);

        var replies = device.ExchangeHex(
            "01 00 01 01 40 " + Hex.Format(Encoding.ASCII.GetBytes(token64)),
            "01 00 02 01 41 " + Hex.Format(Encoding.ASCII.GetBytes(token64 + "k")));

        Assert.Equal(TokenPrefix + " 01 0B " + Name, replies[0]);
        Assert.Equal("81 00 02 02", replies[1]);
    }
}
