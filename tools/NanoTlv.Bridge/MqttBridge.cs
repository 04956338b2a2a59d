using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace NanoTlv.Bridge
{
    /// <summary>
    /// Bridges NanoTlv boards to an MQTT broker: per board one <see cref="NanoTlv.Client.TlvClient"/> connection
    /// and one broker connection (whose last will marks the board offline). Board topics, payloads and Home
    /// Assistant discovery are described in docs/mqtt.md.
    /// </summary>
    /// <example>
    /// <code>
    /// var options = new BridgeOptions { BrokerHost = "127.0.0.1" };
    /// var board = new BridgeBoard("192.168.1.50", 5150) { Outputs = [2], Inputs = [4] };
    /// await using MqttBridge bridge = await MqttBridge.StartAsync(options, [board]);
    /// </code>
    /// </example>
    public sealed class MqttBridge : IAsyncDisposable
    {
        private readonly List<BoardLink> _links = new();
        private readonly ConcurrentDictionary<string, BoardLink> _ids = new(StringComparer.Ordinal);

        private MqttBridge()
        {
        }

        /// <summary>The boards and their state, in configuration order.</summary>
        public IReadOnlyList<BridgeBoardStatus> Boards =>
            _links.Select(link => new BridgeBoardStatus(link.Board.Endpoint, link.BoardId, link.IsOnline, link.LastError)).ToList();

        /// <summary>Checks the configuration and starts serving every board (in the background: boards and the
        /// broker may come and go).</summary>
        /// <param name="options">Broker and behaviour.</param>
        /// <param name="boards">The boards.</param>
        /// <returns>The running bridge.</returns>
        /// <exception cref="ArgumentException">The configuration is inconsistent.</exception>
        public static async Task<MqttBridge> StartAsync(BridgeOptions options, IReadOnlyList<BridgeBoard> boards)
        {
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(boards);
            options.Validate();
            Validate(boards);
            var bridge = new MqttBridge();
            foreach (BridgeBoard board in boards)
            {
                var link = new BoardLink(board, options, bridge.ClaimId);
                if (board.Id is not null && !bridge.ClaimId(BoardTopics.SanitizeId(board.Id), link))
                {
                    throw new ArgumentException("Two boards have the id '" + BoardTopics.SanitizeId(board.Id) + "'.");
                }

                bridge._links.Add(link);
            }

            foreach (BoardLink link in bridge._links)
            {
                await link.StartAsync().ConfigureAwait(false);
            }

            return bridge;
        }

        /// <summary>Stops: every board is published offline, broker connections close cleanly and board
        /// connections close (the boards apply their failsafe levels).</summary>
        /// <returns>A task that completes when everything stopped.</returns>
        public async ValueTask DisposeAsync()
        {
            await Task.WhenAll(_links.Select(link => link.DisposeAsync().AsTask())).ConfigureAwait(false);
        }

        private bool ClaimId(string id, BoardLink link) => _ids.GetOrAdd(id, link) == link;

        private static void Validate(IReadOnlyList<BridgeBoard> boards)
        {
            if (boards.Count == 0)
            {
                throw new ArgumentException("The bridge needs at least one board.");
            }

            var endpoints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (BridgeBoard board in boards)
            {
                ArgumentNullException.ThrowIfNull(board);
                if (!endpoints.Add(board.Endpoint))
                {
                    throw new ArgumentException("The board " + board.Endpoint + " is listed twice.");
                }

                int[] both = board.Inputs.Intersect(board.Outputs).ToArray();
                if (both.Length > 0)
                {
                    throw new ArgumentException(board.Endpoint + ": GPIO " + string.Join(", ", both) + " cannot be both an input and an output.");
                }

                int[] notOutputs = board.Failsafes.Keys.Except(board.Outputs).ToArray();
                if (notOutputs.Length > 0)
                {
                    throw new ArgumentException(board.Endpoint + ": failsafe GPIO " + string.Join(", ", notOutputs) + " must also be an output (the board takes failsafe levels only on outputs).");
                }

                int[] all = board.Inputs.Concat(board.Outputs).Concat(board.AnalogPins).Concat(board.PwmPins).Concat(board.Failsafes.Keys).ToArray();
                if (all.Any(pin => pin < 0 || pin > byte.MaxValue))
                {
                    throw new ArgumentException(board.Endpoint + ": GPIO numbers are 0..255.");
                }

                ArgumentOutOfRangeException.ThrowIfNegative(board.DebounceMs);
                ArgumentOutOfRangeException.ThrowIfGreaterThan(board.DebounceMs, ushort.MaxValue);
            }
        }
    }
}
