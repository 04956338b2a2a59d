using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Channels;

namespace NanoTlv.Dashboard.Web
{
    /// <summary>
    /// Fans updates out to every open event stream. Each update is serialised once into a Server-Sent Events
    /// message (<c>event: name</c>, <c>data: json</c>). A browser that falls too far behind is dropped rather than
    /// slowing the others: its stream ends, EventSource reconnects and starts again from a snapshot.
    /// </summary>
    internal sealed class UpdateHub
    {
        /// <summary>Messages one stream may have queued before it is dropped.</summary>
        public const int StreamCapacity = 4096;

        private readonly object _sync = new();
        private readonly List<Channel<string>> _streams = new();

        /// <summary>Open streams.</summary>
        public int StreamCount
        {
            get
            {
                lock (_sync)
                {
                    return _streams.Count;
                }
            }
        }

        /// <summary>Formats one SSE message.</summary>
        /// <param name="eventName">The SSE event name.</param>
        /// <param name="payload">Serialised as JSON with web (camelCase) names.</param>
        /// <returns>The message text, blank line included.</returns>
        public static string Format(string eventName, object payload) =>
            "event: " + eventName + "\ndata: " + JsonSerializer.Serialize(payload, DashboardJson.Options) + "\n\n";

        /// <summary>Opens a stream that receives every update published from now on.</summary>
        /// <returns>The stream's reader; call <see cref="Unsubscribe"/> with it when done.</returns>
        public ChannelReader<string> Subscribe()
        {
            var stream = Channel.CreateBounded<string>(new BoundedChannelOptions(StreamCapacity) { SingleReader = true });
            lock (_sync)
            {
                _streams.Add(stream);
            }

            return stream.Reader;
        }

        /// <summary>Closes the stream read by <paramref name="reader"/>.</summary>
        /// <param name="reader">What <see cref="Subscribe"/> returned.</param>
        public void Unsubscribe(ChannelReader<string> reader)
        {
            lock (_sync)
            {
                _streams.RemoveAll(stream => stream.Reader == reader);
            }
        }

        /// <summary>Sends an update to every stream.</summary>
        /// <param name="eventName">The SSE event name.</param>
        /// <param name="payload">The update.</param>
        public void Publish(string eventName, object payload)
        {
            string message = Format(eventName, payload);
            lock (_sync)
            {
                for (int i = _streams.Count - 1; i >= 0; i--)
                {
                    if (!_streams[i].Writer.TryWrite(message))
                    {
                        _streams[i].Writer.TryComplete();
                        _streams.RemoveAt(i);
                    }
                }
            }
        }

        /// <summary>Ends every stream (the server is stopping).</summary>
        public void CompleteAll()
        {
            lock (_sync)
            {
                foreach (Channel<string> stream in _streams)
                {
                    stream.Writer.TryComplete();
                }

                _streams.Clear();
            }
        }
    }
}
