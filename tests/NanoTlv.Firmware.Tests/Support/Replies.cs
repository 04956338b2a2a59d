using System;
using System.Collections.Generic;
using NanoTlv.Framing;

namespace NanoTlv.Firmware.Tests.Support;

/// <summary>Splits what the device sent into frame payloads (with the shared extractor, strict: any junk fails).</summary>
public static class Replies
{
    public static List<byte[]> Split(byte[] sent, int count)
    {
        var payloads = new List<byte[]>();
        var extractor = new FrameExtractor(FrameFormat.MaxEncodablePayloadBytes, strict: true);
        extractor.Feed(sent, 0, count);
        int framed = 0;
        FrameReadResult result;
        while ((result = extractor.Next()) != FrameReadResult.NeedMoreData)
        {
            if (result != FrameReadResult.Frame)
            {
                throw new Xunit.Sdk.XunitException("The device sent bytes that are not a frame: " + extractor.Fault);
            }

            payloads.Add(extractor.FrameBuffer.AsSpan(extractor.FrameOffset, extractor.FrameLength).ToArray());
            framed += FrameFormat.HeaderBytes + extractor.FrameLength;
        }

        if (framed != count)
        {
            throw new Xunit.Sdk.XunitException("The device sent a partial frame.");
        }

        return payloads;
    }

    public static List<byte[]> Split(byte[] sent) => Split(sent, sent.Length);
}
