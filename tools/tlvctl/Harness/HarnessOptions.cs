using System;
using System.Collections.Generic;

namespace NanoTlv.Cli.Harness
{
    /// <summary>What the harness sends, and to whom.</summary>
    public sealed class HarnessOptions
    {
        /// <summary>Device host.</summary>
        public string Host { get; set; } = "127.0.0.1";

        /// <summary>Device port.</summary>
        public int Port { get; set; } = 5150;

        /// <summary>PING requests per strategy.</summary>
        public int FramesPerStrategy { get; set; } = 200;

        /// <summary>Strategies to run, in order.</summary>
        public IReadOnlyList<HarnessStrategy> Strategies { get; set; } = HarnessStrategies.All;

        /// <summary>Seed of every random choice; the same seed sends the same bytes in the same writes.</summary>
        public int Seed { get; set; } = 1;

        /// <summary>Write size of the "fixed" strategy.</summary>
        public int ChunkBytes { get; set; } = 7;

        /// <summary>Pause after every write, so chunks travel as separate TCP segments (0 = none).</summary>
        public int DelayMs { get; set; }

        /// <summary>Largest random PING payload (also bounded by the device's limit).</summary>
        public int MaxPingBytes { get; set; } = 200;

        /// <summary>How long the harness waits for the next expected reply before calling it missing.</summary>
        public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>How long one connection attempt may take.</summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Checks the values.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
        public void Validate()
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(FramesPerStrategy, 1);
            ArgumentOutOfRangeException.ThrowIfLessThan(ChunkBytes, 1);
            ArgumentOutOfRangeException.ThrowIfNegative(DelayMs);
            ArgumentOutOfRangeException.ThrowIfNegative(MaxPingBytes);
            ArgumentOutOfRangeException.ThrowIfLessThan(Port, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, ushort.MaxValue);
            if (Strategies is null || Strategies.Count == 0)
            {
                throw new ArgumentException("At least one strategy is needed.", nameof(Strategies));
            }
        }
    }
}
