using System;
using System.Net;
using NanoTlv.Client.Discovery;
using Xunit;

namespace NanoTlv.Client.Tests.Unit
{
    /// <summary>Which --device words name a discovered board.</summary>
    public sealed class DiscoveredBoardTests
    {
        private static readonly DiscoveredBoard Board = new("a4cf12345678", "Kitchen-1", new IPEndPoint(IPAddress.Loopback, 5150), new Version(1, 0, 0), 1, false);

        [Theory]
        [InlineData("Kitchen-1")]
        [InlineData("kitchen-1")]
        [InlineData(" KITCHEN-1 ")]
        [InlineData("a4cf12345678")]
        [InlineData("A4CF12345678")]
        [InlineData("a4:cf:12:34:56:78")]
        [InlineData("A4-CF-12-34-56-78")]
        public void A_name_in_any_case_or_the_id_in_any_spelling_matches(string idOrName) => Assert.True(Board.Matches(idOrName));

        [Theory]
        [InlineData("kitchen")]
        [InlineData("kitchen-10")]
        [InlineData("a4cf1234567")]
        [InlineData("a4cf123456789")]
        [InlineData("")]
        public void Anything_else_does_not(string idOrName) => Assert.False(Board.Matches(idOrName));
    }
}
