using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Messages;

namespace NanoTlv.Client.Discovery
{
    /// <summary>
    /// Finds boards on the network: sends DISCOVER datagrams (docs/protocol.md, "Discovery") to a broadcast or unicast
    /// address and collects the ANNOUNCE answers. Bad or foreign datagrams are counted and skipped.
    /// </summary>
    /// <example>
    /// <code>
    /// DiscoveryResult found = await BoardFinder.DiscoverAsync(BoardFinder.DefaultTarget, TimeSpan.FromSeconds(2));
    /// DiscoveredBoard? kitchen = await BoardFinder.FindAsync("kitchen", BoardFinder.DefaultTarget, TimeSpan.FromSeconds(2));
    /// </code>
    /// </example>
    public static class BoardFinder
    {
        /// <summary>How often DISCOVER is repeated while waiting (UDP may lose a datagram).</summary>
        public static readonly TimeSpan RepeatInterval = TimeSpan.FromMilliseconds(500);

        /// <summary>Where requests go by default: every board of the local network, 255.255.255.255:5151.</summary>
        public static IPEndPoint DefaultTarget => new(IPAddress.Broadcast, DiscoveryFormat.DefaultPort);

        /// <summary>Sends DISCOVER to <paramref name="target"/> and collects every board that answers within <paramref name="wait"/>.</summary>
        /// <param name="target">A broadcast address (the subnet's, 255.255.255.255) or one board's address, with the discovery port.</param>
        /// <param name="wait">How long to collect answers.</param>
        /// <param name="cancellationToken">Cancels.</param>
        /// <returns>The boards found.</returns>
        /// <exception cref="DeviceConnectionException">The request cannot be sent (no route to <paramref name="target"/>).</exception>
        public static Task<DiscoveryResult> DiscoverAsync(IPEndPoint target, TimeSpan wait, CancellationToken cancellationToken = default) =>
            SearchAsync(target, wait, null, cancellationToken);

        /// <summary>Sends DISCOVER to <paramref name="target"/> until a board whose id or name is <paramref name="idOrName"/>
        /// answers, at most <paramref name="wait"/>.</summary>
        /// <param name="idOrName">Board id (12 hex digits, separators allowed) or name (case-insensitive).</param>
        /// <param name="target">Where requests go.</param>
        /// <param name="wait">Longest wait.</param>
        /// <param name="cancellationToken">Cancels.</param>
        /// <returns>The first matching board, or null when none answered in time.</returns>
        /// <exception cref="DeviceConnectionException">The request cannot be sent.</exception>
        public static async Task<DiscoveredBoard?> FindAsync(string idOrName, IPEndPoint target, TimeSpan wait, CancellationToken cancellationToken = default)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(idOrName);
            DiscoveryResult result = await SearchAsync(target, wait, idOrName, cancellationToken).ConfigureAwait(false);
            foreach (DiscoveredBoard board in result.Boards)
            {
                if (board.Matches(idOrName))
                {
                    return board;
                }
            }

            return null;
        }

        private static async Task<DiscoveryResult> SearchAsync(IPEndPoint target, TimeSpan wait, string? stopAt, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(target);
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
            var boards = new List<DiscoveredBoard>();
            int ignored = 0;
            byte[] request = new byte[FrameHeaderAndDiscover];
            DiscoveryCodec.WriteDiscover(request, 0);

            // A loopback target gets a loopback socket: nothing leaves the machine.
            using var socket = new UdpClient(new IPEndPoint(IPAddress.IsLoopback(target.Address) ? IPAddress.Loopback : IPAddress.Any, 0)) { EnableBroadcast = true };
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(wait);
            DateTime nextRequest = DateTime.MinValue;
            while (true)
            {
                if (DateTime.UtcNow >= nextRequest)
                {
                    await SendAsync(socket, request, target, deadline.Token).ConfigureAwait(false);
                    nextRequest = DateTime.UtcNow + RepeatInterval;
                }

                UdpReceiveResult received;
                using (var step = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token))
                {
                    step.CancelAfter(RepeatInterval);
                    try
                    {
                        received = await socket.ReceiveAsync(step.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        if (deadline.IsCancellationRequested)
                        {
                            return new DiscoveryResult(boards, ignored);
                        }

                        continue;
                    }
                    catch (SocketException)
                    {
                        // An ICMP "port unreachable" for an earlier request (some stacks report it here): no board there.
                        continue;
                    }
                }

                var announcement = new BoardAnnouncement();
                if (DiscoveryCodec.ReadAnnouncement(received.Buffer, 0, received.Buffer.Length, announcement) != DiscoveryStatus.Ok)
                {
                    ignored++;
                    continue;
                }

                DiscoveredBoard board = ToBoard(announcement, received.RemoteEndPoint.Address);
                if (!boards.Exists(known => known.BoardId == board.BoardId && known.TcpEndPoint.Equals(board.TcpEndPoint)))
                {
                    boards.Add(board);
                }

                if (stopAt is not null && board.Matches(stopAt))
                {
                    return new DiscoveryResult(boards, ignored);
                }
            }
        }

        private const int FrameHeaderAndDiscover = Framing.FrameFormat.HeaderBytes + DiscoveryFormat.DiscoverPayloadBytes;

        private static async Task SendAsync(UdpClient socket, byte[] request, IPEndPoint target, CancellationToken cancellationToken)
        {
            try
            {
                await socket.SendAsync(request, target, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new DeviceConnectionException("Cannot send a discovery request to " + target + ": " + ex.Message, ex);
            }
        }

        private static DiscoveredBoard ToBoard(BoardAnnouncement announcement, IPAddress from) =>
            new(
                Convert.ToHexStringLower(announcement.BoardId),
                announcement.Name,
                new IPEndPoint(from, announcement.TcpPort),
                new Version(announcement.FirmwareMajor, announcement.FirmwareMinor, announcement.FirmwarePatch),
                announcement.ProtocolVersion,
                announcement.TokenRequired);
    }
}
