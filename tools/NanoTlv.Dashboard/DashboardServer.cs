using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NanoTlv.Dashboard.Boards;
using NanoTlv.Dashboard.Web;

namespace NanoTlv.Dashboard
{
    /// <summary>
    /// The live dashboard: one <see cref="BoardMonitor"/> per board and a Kestrel web server with the page
    /// (embedded wwwroot), a JSON snapshot (<c>GET /api/boards</c>), the Server-Sent Events stream of changes
    /// (<c>GET /api/events</c>) and the commands (<c>POST /api/boards/{board}/pins/{pin}/...</c>).
    /// Tokens stay in the monitors: nothing the server sends contains them.
    /// </summary>
    public sealed class DashboardServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly UpdateHub _hub;
        private readonly IReadOnlyList<BoardMonitor> _boards;
        private int _disposed;

        private DashboardServer(WebApplication app, UpdateHub hub, IReadOnlyList<BoardMonitor> boards, Uri address)
        {
            _app = app;
            _hub = hub;
            _boards = boards;
            Address = address;
        }

        /// <summary>The page's address, e.g. http://127.0.0.1:5080/.</summary>
        public Uri Address { get; }

        /// <summary>Browsers connected to the event stream now.</summary>
        public int OpenStreams => _hub.StreamCount;

        /// <summary>Starts monitoring the boards and serving the page.</summary>
        /// <param name="options">Settings (validated here).</param>
        /// <param name="cancellationToken">Cancels starting.</param>
        /// <returns>The running dashboard.</returns>
        /// <exception cref="ArgumentException">The options are invalid.</exception>
        /// <exception cref="System.IO.IOException">The web port cannot be bound.</exception>
        public static async Task<DashboardServer> StartAsync(DashboardOptions options, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(options);
            options.Validate();
            var hub = new UpdateHub();
            BoardMonitor[] boards = options.Boards.Select((endpoint, id) => new BoardMonitor(id, endpoint, hub, options)).ToArray();
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(options.ListenAddress, options.Port));
            WebApplication app = builder.Build();
            bool loopbackOnly = IPAddress.IsLoopback(options.ListenAddress);
            var assets = new StaticAssets();
            DashboardEndpoints.Map(app, hub, boards, assets, loopbackOnly);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            string bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            foreach (BoardMonitor board in boards)
            {
                board.Start();
            }

            return new DashboardServer(app, hub, boards, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
        }

        /// <summary>What the page shows now, board by board.</summary>
        /// <returns>The boards' views.</returns>
        public IReadOnlyList<BoardView> Snapshot() => _boards.Select(board => board.State.View()).ToArray();

        /// <summary>Stops the web server (ending the event streams) and the board connections.</summary>
        /// <returns>A task that completes when everything has stopped.</returns>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            _hub.CompleteAll();
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            foreach (BoardMonitor board in _boards)
            {
                await board.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
