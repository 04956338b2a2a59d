using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NanoTlv.Benchmarks.Decoding;

/// <summary>
/// Which payload and chunk sizes <see cref="FrameDecodingBenchmarks"/> runs: all of them unless the command line
/// narrows them with <c>--payloads 1024,16</c> and <c>--chunks 1460</c>. Read through ParamsSource, which works
/// because the benchmarks run in process.
/// </summary>
public static class FrameDecodingSelection
{
    public const string PayloadsOption = "--payloads";
    public const string ChunksOption = "--chunks";

    public static IReadOnlyList<int> PayloadSizes { get; private set; } = [16, 256, 1024];

    public static IReadOnlyList<int> ChunkSizes { get; private set; } = [1, 7, 64, 536, 1460, 16384];

    /// <summary>Applies and removes the two options from <paramref name="args"/>; returns the rest.</summary>
    public static string[] Apply(string[] args)
    {
        var rest = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if ((args[i] == PayloadsOption || args[i] == ChunksOption) && i + 1 < args.Length)
            {
                int[] sizes = args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                if (sizes.Length == 0 || sizes.Any(s => s < 1))
                {
                    throw new ArgumentException($"{args[i]} needs positive sizes separated by commas, got '{args[i + 1]}'.");
                }

                if (args[i] == PayloadsOption)
                {
                    PayloadSizes = sizes;
                }
                else
                {
                    ChunkSizes = sizes;
                }

                i++;
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return [.. rest];
    }
}
