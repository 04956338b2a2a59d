using System.Text;
using NanoTlv.Firmware.Security;
using Xunit;

namespace NanoTlv.Firmware.Tests.Units;

public sealed class TokenVerifierTests
{
    [Theory]
    [InlineData("secret", "secret", true)]
    [InlineData("secret", "secreT", false)]
    [InlineData("secret", "secre", false)]
    [InlineData("secret", "secretsecret", false)]
    [InlineData("secret", "", false)]
    [InlineData("a", "a", true)]
    [InlineData("aa", "a", false)]
    [InlineData("a", "aa", false)]
    public void Matches_only_the_exact_token(string token, string presented, bool expected)
    {
        var verifier = new TokenVerifier(token);
        byte[] buffer = [0xEE, .. Encoding.ASCII.GetBytes(presented), 0xEE];

        Assert.True(verifier.IsRequired);
        Assert.Equal(expected, verifier.Matches(buffer, 1, presented.Length));
    }

    [Fact]
    public void Without_a_token_everything_matches()
    {
        var verifier = new TokenVerifier(null);

        Assert.False(verifier.IsRequired);
        Assert.True(verifier.Matches([1, 2, 3], 0, 3));
        Assert.True(verifier.Matches([], 0, 0));
    }
}
