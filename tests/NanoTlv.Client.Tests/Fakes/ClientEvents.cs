using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Testing;

namespace NanoTlv.Client.Tests.Fakes
{
    /// <summary>Waits for and records the events a <see cref="TlvClient"/> raises; every wait is bounded.</summary>
    public static class ClientEvents
    {
        /// <summary>The next event of type <typeparamref name="T"/>, or null when none comes within the limit.</summary>
        public static async Task<T?> NextEventAsync<T>(TlvClient client, TimeSpan? limit = null)
            where T : DeviceEvent
        {
            using var timeout = new CancellationTokenSource(limit ?? Wait.Long);
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
