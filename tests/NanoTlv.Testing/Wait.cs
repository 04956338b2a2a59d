using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace NanoTlv.Testing
{
    /// <summary>Bounded waits: every wait in the test suites ends by itself.</summary>
    public static class Wait
    {
        /// <summary>Generous bound for things that normally take milliseconds (busy 2-core CI machines).</summary>
        public static readonly TimeSpan Long = TimeSpan.FromSeconds(20);

        private const int PollMs = 5;

        /// <summary>Waits until <paramref name="condition"/> holds, at most <see cref="Long"/>.</summary>
        /// <param name="condition">Polled every few milliseconds.</param>
        /// <param name="what">What is awaited, for the failure message ("the server runs").</param>
        /// <exception cref="TimeoutException">It did not hold in time.</exception>
        public static void Until(Func<bool> condition, string what) => Until(condition, Long, what);

        /// <summary>Waits until <paramref name="condition"/> holds, at most <paramref name="timeout"/>.</summary>
        /// <param name="condition">Polled every few milliseconds.</param>
        /// <param name="timeout">The bound.</param>
        /// <param name="what">What is awaited, for the failure message.</param>
        /// <exception cref="TimeoutException">It did not hold in time.</exception>
        public static void Until(Func<bool> condition, TimeSpan timeout, string what)
        {
            if (!TryUntil(condition, timeout))
            {
                throw new TimeoutException("Timed out after " + timeout.TotalSeconds + " s waiting until " + what + ".");
            }
        }

        /// <summary>Waits until <paramref name="condition"/> holds, at most <paramref name="timeout"/>.</summary>
        /// <param name="condition">Polled every few milliseconds.</param>
        /// <param name="timeout">The bound.</param>
        /// <returns>True when it held in time.</returns>
        public static bool TryUntil(Func<bool> condition, TimeSpan timeout)
        {
            ArgumentNullException.ThrowIfNull(condition);
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.Elapsed > timeout)
                {
                    return false;
                }

                Thread.Sleep(PollMs);
            }

            return true;
        }

        /// <summary>Waits without blocking a thread until <paramref name="condition"/> holds.</summary>
        /// <param name="condition">Polled every few milliseconds.</param>
        /// <param name="timeout">The bound; <see cref="Long"/> when null.</param>
        /// <returns>True when it held in time.</returns>
        public static async Task<bool> TryUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
        {
            ArgumentNullException.ThrowIfNull(condition);
            TimeSpan bound = timeout ?? Long;
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.Elapsed > bound)
                {
                    return false;
                }

                await Task.Delay(PollMs).ConfigureAwait(false);
            }

            return true;
        }

        /// <summary>The task, failing with a <see cref="TimeoutException"/> when it does not finish within <see cref="Long"/>.</summary>
        /// <param name="task">The awaited work.</param>
        /// <returns>A task that completes like <paramref name="task"/> or times out.</returns>
        public static Task Within(Task task) => task.WaitAsync(Long);

        /// <summary>The task, failing with a <see cref="TimeoutException"/> when it does not finish within <see cref="Long"/>.</summary>
        /// <typeparam name="T">The result type.</typeparam>
        /// <param name="task">The awaited work.</param>
        /// <returns>A task that completes like <paramref name="task"/> or times out.</returns>
        public static Task<T> Within<T>(Task<T> task) => task.WaitAsync(Long);

        /// <summary>Joins <paramref name="thread"/> or throws.</summary>
        /// <param name="thread">The thread.</param>
        /// <param name="timeout">The bound.</param>
        /// <param name="what">The thread's job, for the failure message.</param>
        /// <exception cref="TimeoutException">It did not finish in time (a hang).</exception>
        public static void Join(Thread thread, TimeSpan timeout, string what)
        {
            ArgumentNullException.ThrowIfNull(thread);
            if (!thread.Join(timeout))
            {
                throw new TimeoutException(what + " did not finish within " + timeout.TotalSeconds + " s (hang?).");
            }
        }
    }
}
