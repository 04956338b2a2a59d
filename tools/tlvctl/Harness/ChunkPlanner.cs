using System;
using System.Collections.Generic;

namespace NanoTlv.Cli.Harness
{
    /// <summary>Cuts a plan's stream into the writes of a strategy.</summary>
    internal static class ChunkPlanner
    {
        private const int MaxRandomChunkBytes = 64;
        private const int MinBurstFrames = 10;
        private const int MaxBurstFrames = 50;
        private const int HeaderSplitPoints = 3;

        /// <summary>The writes, as (offset, count) ranges covering the stream in order.</summary>
        /// <param name="strategy">The strategy.</param>
        /// <param name="plan">The stream and its items.</param>
        /// <param name="random">The seeded source of random cuts.</param>
        /// <param name="chunkBytes">Write size of the fixed strategy.</param>
        /// <returns>The writes.</returns>
        public static IReadOnlyList<(int Offset, int Count)> Split(HarnessStrategy strategy, HarnessPlan plan, Random random, int chunkBytes)
        {
            int total = plan.Stream.Length;
            var writes = new List<(int Offset, int Count)>();
            switch (strategy)
            {
                case HarnessStrategy.Whole:
                    foreach (PlannedItem item in plan.Items)
                    {
                        writes.Add((item.Start, item.Length));
                    }

                    break;

                case HarnessStrategy.SingleBytes:
                    Fixed(writes, total, 1);
                    break;

                case HarnessStrategy.FixedChunks:
                    Fixed(writes, total, chunkBytes);
                    break;

                case HarnessStrategy.HeaderSplit:
                    foreach (PlannedItem item in plan.Items)
                    {
                        // Cut after the marker, after len_hi, or right after the header.
                        int cut = Math.Min(item.Length, 1 + random.Next(HeaderSplitPoints));
                        writes.Add((item.Start, cut));
                        if (item.Length > cut)
                        {
                            writes.Add((item.Start + cut, item.Length - cut));
                        }
                    }

                    break;

                case HarnessStrategy.Burst:
                    for (int i = 0; i < plan.Items.Count;)
                    {
                        int frames = Math.Min(plan.Items.Count - i, random.Next(MinBurstFrames, MaxBurstFrames + 1));
                        PlannedItem first = plan.Items[i];
                        PlannedItem last = plan.Items[i + frames - 1];
                        writes.Add((first.Start, last.End - first.Start));
                        i += frames;
                    }

                    break;

                default:
                    for (int offset = 0; offset < total;)
                    {
                        int count = Math.Min(total - offset, random.Next(1, MaxRandomChunkBytes + 1));
                        writes.Add((offset, count));
                        offset += count;
                    }

                    break;
            }

            return writes;
        }

        private static void Fixed(List<(int Offset, int Count)> writes, int total, int size)
        {
            for (int offset = 0; offset < total; offset += size)
            {
                writes.Add((offset, Math.Min(size, total - offset)));
            }
        }
    }
}
