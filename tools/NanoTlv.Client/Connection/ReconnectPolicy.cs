using System;

namespace NanoTlv.Client
{
    /// <summary>
    /// Exponential backoff between reconnection attempts: the first retry waits <see cref="InitialDelay"/>,
    /// each next one <see cref="Multiplier"/> times longer, never longer than <see cref="MaxDelay"/>, for at
    /// most <see cref="MaxAttempts"/> attempts.
    /// </summary>
    public sealed class ReconnectPolicy
    {
        /// <summary>Connection attempts before giving up (at least 1).</summary>
        public int MaxAttempts { get; set; } = 8;

        /// <summary>Wait before the second attempt (the first is immediate).</summary>
        public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(100);

        /// <summary>The longest wait between two attempts.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>Growth factor of the wait per attempt (at least 1).</summary>
        public double Multiplier { get; set; } = 2.0;

        /// <summary>The wait before attempt <paramref name="attempt"/> (0-based; attempt 0 does not wait).</summary>
        /// <param name="attempt">Attempt number, 0 for the first.</param>
        /// <returns>The delay.</returns>
        public TimeSpan DelayBefore(int attempt)
        {
            if (attempt <= 0)
            {
                return TimeSpan.Zero;
            }

            double ms = InitialDelay.TotalMilliseconds * Math.Pow(Multiplier, attempt - 1);
            return ms >= MaxDelay.TotalMilliseconds ? MaxDelay : TimeSpan.FromMilliseconds(ms);
        }

        internal void Validate()
        {
            if (MaxAttempts < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxAttempts), "At least one connection attempt is needed.");
            }

            if (InitialDelay < TimeSpan.Zero || MaxDelay < InitialDelay)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxDelay), "Delays must be non-negative and the maximum at least the initial delay.");
            }

            if (!(Multiplier >= 1.0))
            {
                throw new ArgumentOutOfRangeException(nameof(Multiplier), "The multiplier must be at least 1.");
            }
        }
    }
}
