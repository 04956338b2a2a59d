using System;
using NanoTlv.Messages;

namespace NanoTlv.Client.Tests.Fakes
{
    /// <summary>A request as the fake device received it.</summary>
    public sealed record FakeRequest(Opcode Opcode, ushort RequestId, byte[] Arguments, byte[] Frame)
    {
        public string FrameHex => Convert.ToHexString(Frame);
    }
}
