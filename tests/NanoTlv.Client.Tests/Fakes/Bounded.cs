using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace NanoTlv.Client.Tests.Fakes
{
    /// <summary>Every wait in these tests is bounded.</summary>
    public static class Bounded
    {
        public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

        public static Task<T> Within<T>(Task<T> task) => task.WaitAsync(Limit);

        public static Task Within(Task task) => task.WaitAsync(Limit);

        /// <summary>Polls <paramref name="condition"/> until true or the limit passes.</summary>
        public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan? limit = null)
        {
            DateTime deadline = DateTime.UtcNow + (limit ?? Limit);
            while (!condition())
            {
                if (DateTime.UtcNow > deadline)
                {
                    return false;
                }

                await Task.Delay(10);
            }

            return true;
        }

        /// <summary>The next event of type <typeparamref name="T"/>, or null when none comes within the limit.</summary>
        public static async Task<T?> NextEventAsync<T>(TlvClient client, TimeSpan? limit = null)
            where T : DeviceEvent
        {
            using var timeout = new CancellationTokenSource(limit ?? Limit);
            try
            {
                await foreach (DeviceEvent deviceEvent in client.Events(timeout.Token))
                {
                    if (deviceEvent is T wanted)
                    {
                        return wanted;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Nothing of that type in time.
            }

            return null;
        }

        /// <summary>Collects events raised through <see cref="TlvClient.EventReceived"/>.</summary>
        public static List<DeviceEvent> Record(TlvClient client)
        {
            var seen = new List<DeviceEvent>();
            client.EventReceived += (_, e) =>
            {
                lock (seen)
                {
                    seen.Add(e.Event);
                }
            };
            return seen;
        }

        public static List<T> Snapshot<T>(List<DeviceEvent> events)
        {
            lock (events)
            {
                return events.FindAll(e => e is T).ConvertAll(e => (T)(object)e);
            }
        }
    }
}
