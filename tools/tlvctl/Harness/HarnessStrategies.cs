using System;
using System.Collections.Generic;
using System.Linq;

namespace NanoTlv.Cli.Harness
{
    /// <summary>Command-line names of the strategies.</summary>
    public static class HarnessStrategies
    {
        private static readonly (HarnessStrategy Strategy, string Name)[] Table =
        {
            (HarnessStrategy.Whole, "whole"),
            (HarnessStrategy.SingleBytes, "byte"),
            (HarnessStrategy.RandomSplits, "random"),
            (HarnessStrategy.FixedChunks, "fixed"),
            (HarnessStrategy.HeaderSplit, "header-split"),
            (HarnessStrategy.Burst, "burst"),
            (HarnessStrategy.Garbage, "garbage"),
            (HarnessStrategy.Oversized, "oversized"),
            (HarnessStrategy.ZeroLength, "zero-length"),
            (HarnessStrategy.MarkerBytes, "marker-bytes"),
        };

        /// <summary>Every strategy, in run order.</summary>
        public static IReadOnlyList<HarnessStrategy> All { get; } = Table.Select(entry => entry.Strategy).ToArray();

        /// <summary>Every name, in run order.</summary>
        public static IReadOnlyList<string> Names { get; } = Table.Select(entry => entry.Name).ToArray();

        /// <summary>The command-line name of <paramref name="strategy"/>.</summary>
        /// <param name="strategy">A strategy.</param>
        /// <returns>Its name.</returns>
        public static string NameOf(HarnessStrategy strategy) => Table.First(entry => entry.Strategy == strategy).Name;

        /// <summary>Parses "all" or a comma-separated list of names.</summary>
        /// <param name="text">The option value.</param>
        /// <returns>The strategies, in run order, without duplicates.</returns>
        /// <exception cref="FormatException">A name is unknown.</exception>
        public static IReadOnlyList<HarnessStrategy> Parse(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            if (text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                return All;
            }

            var chosen = new HashSet<HarnessStrategy>();
            foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                (HarnessStrategy Strategy, string Name) match = Array.Find(Table, entry => entry.Name.Equals(part, StringComparison.OrdinalIgnoreCase));
                if (match.Name is null)
                {
                    throw new FormatException("Unknown strategy '" + part + "'; use all or some of: " + string.Join(", ", Names) + ".");
                }

                chosen.Add(match.Strategy);
            }

            if (chosen.Count == 0)
            {
                throw new FormatException("No strategy given; use all or some of: " + string.Join(", ", Names) + ".");
            }

            return All.Where(chosen.Contains).ToArray();
        }
    }
}
