using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using NanoTlv.Messages;
using NanoTlv.Testing;
using Xunit;

namespace NanoTlv.Client.Tests.Fakes
{
    /// <summary>The fake device reads as strictly as a device: a client that sends junk cannot pass unnoticed.</summary>
    public sealed class FakeConnectionTests
    {
        [Theory]
        [InlineData("00 13")] // junk between frames
        [InlineData("72 00 02 02 00")] // a frame too short for a request header
        public async Task Anything_but_whole_request_frames_fails_the_read(string badHex)
        {
            using var device = new FakeDevice();
            Task<FakeConnection> accept = device.AcceptAsync();
            using var raw = new TcpClient();
            await raw.ConnectAsync(IPAddress.Loopback, device.Port);
            await using FakeConnection connection = await accept;
            byte[] ping = Hex.Frame(Wire.Request(Opcode.Ping, 7));
            await raw.GetStream().WriteAsync(ping);
            Assert.Equal(Opcode.Ping, (await connection.ReadRequestAsync()).Opcode);

            byte[] badThenPing = [.. Hex.Parse(badHex), .. ping];
            await raw.GetStream().WriteAsync(badThenPing);

            await Assert.ThrowsAsync<InvalidDataException>(() => connection.ReadRequestAsync());
        }
    }
}
