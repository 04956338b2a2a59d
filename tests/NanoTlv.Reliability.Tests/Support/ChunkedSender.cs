namespace NanoTlv.Reliability.Tests.Support;

/// <summary>Sends a byte stream in random chunk sizes (1 byte .. 16 KB), pausing now and then so the device
/// also sees the stream in small reads.</summary>
public static class ChunkedSender
{
    private const int PauseEveryChunks = 64;

    public static int Send(RawClient client, byte[] stream, Random random)
    {
        int offset = 0;
        int chunks = 0;
        while (offset < stream.Length)
        {
            int size = NextChunkSize(random);
            int count = Math.Min(size, stream.Length - offset);
            client.Send(stream, offset, count);
            offset += count;
            chunks++;
            if (random.Next(PauseEveryChunks) == 0)
            {
                Thread.Sleep(1);
            }
        }

        return chunks;
    }

    public static int NextChunkSize(Random random)
    {
        int roll = random.Next(4);
        return roll switch
        {
            0 => random.Next(1, 17),
            1 or 2 => random.Next(17, 1500),
            _ => random.Next(1500, 16 * 1024),
        };
    }
}
