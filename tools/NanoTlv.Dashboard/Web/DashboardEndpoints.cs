using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NanoTlv.Client;
using NanoTlv.Dashboard.Boards;
using NanoTlv.Messages;

namespace NanoTlv.Dashboard.Web
{
    /// <summary>The dashboard's HTTP surface: page files, snapshot, event stream and pin commands.</summary>
    internal static class DashboardEndpoints
    {
        /// <summary>Interval of SSE comments that keep idle streams open and find browsers that left.</summary>
        public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

        public static void Map(WebApplication app, UpdateHub hub, IReadOnlyList<BoardMonitor> boards, StaticAssets assets, bool loopbackOnly)
        {
            app.Use(async (context, next) =>
            {
                if (RequestGuard.Refusal(context.Request, loopbackOnly) is string refusal)
                {
                    await Results.Json(new { error = refusal }, DashboardJson.Options, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context).ConfigureAwait(false);
                    return;
                }

                await next(context).ConfigureAwait(false);
            });

            app.MapGet("/", () => File(assets, "/index.html"));
            app.MapGet("/{file}", (string file) => File(assets, "/" + file));
            app.MapGet("/api/boards", () => Results.Json(boards.Select(board => board.State.View()).ToArray(), DashboardJson.Options));
            IHostApplicationLifetime lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
            app.MapGet("/api/events", (HttpContext context) => StreamAsync(context, hub, boards, lifetime.ApplicationStopping));

            RouteGroupBuilder pins = app.MapGroup("/api/boards/{board:int}/pins/{pin:int}");
            pins.MapPost("/mode", (int board, int pin, ModeCommand body, CancellationToken ct) =>
                RunAsync(boards, board, monitor => Enum.TryParse(body.Mode, ignoreCase: true, out PinMode mode) && Enum.IsDefined(mode)
                    ? monitor.SetModeAsync(pin, mode, ct)
                    : throw new ArgumentException("Unknown pin mode '" + body.Mode + "'; use one of " + string.Join(", ", Enum.GetNames<PinMode>()) + ".")));
            pins.MapPost("/level", (int board, int pin, LevelCommand body, CancellationToken ct) => RunAsync(boards, board, monitor => monitor.WriteAsync(pin, body.High, ct)));
            pins.MapPost("/toggle", (int board, int pin, CancellationToken ct) => RunAsync(boards, board, monitor => monitor.ToggleAsync(pin, ct)));
            pins.MapPost("/pwm", (int board, int pin, PwmCommand body, CancellationToken ct) => RunAsync(boards, board, monitor => monitor.SetPwmAsync(pin, body.DutyPercent, ct)));
            pins.MapPost("/pwm/stop", (int board, int pin, CancellationToken ct) => RunAsync(boards, board, monitor => monitor.StopPwmAsync(pin, ct)));
        }

        private static IResult File(StaticAssets assets, string path) =>
            assets.TryGet(path, out byte[] content, out string contentType) ? Results.Bytes(content, contentType) : Results.NotFound();

        /// <summary>Runs one command; errors become JSON <c>{ "error": ... }</c> with a status saying whose fault it was,
        /// and are written to the board's log.</summary>
        private static async Task<IResult> RunAsync(IReadOnlyList<BoardMonitor> boards, int board, Func<BoardMonitor, Task> command)
        {
            if (board < 0 || board >= boards.Count)
            {
                return Error(StatusCodes.Status404NotFound, "There is no board " + board + "; boards are 0.." + (boards.Count - 1) + ".");
            }

            BoardMonitor monitor = boards[board];
            try
            {
                await command(monitor).ConfigureAwait(false);
                return Results.Json(new { ok = true }, DashboardJson.Options);
            }
            catch (ArgumentException ex)
            {
                string message = ErrorText.Of(ex);
                monitor.State.AddLog("error", message);
                return Error(StatusCodes.Status400BadRequest, message);
            }
            catch (DeviceException ex)
            {
                monitor.State.AddLog("error", ex.Message);
                return Error(StatusCodes.Status409Conflict, ex.Message);
            }
            catch (Exception ex) when (ex is DeviceConnectionException or TimeoutException or TlvProtocolException)
            {
                monitor.State.AddLog("error", ex.Message);
                return Error(StatusCodes.Status503ServiceUnavailable, ex.Message);
            }
        }

        private static IResult Error(int status, string message) => Results.Json(new { error = message }, DashboardJson.Options, statusCode: status);

        /// <summary>The SSE stream: a <c>snapshot</c> of every board, then every update as it is published.</summary>
        private static async Task StreamAsync(HttpContext context, UpdateHub hub, IReadOnlyList<BoardMonitor> boards, CancellationToken stopping)
        {
            HttpResponse response = context.Response;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            using var end = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);

            // Subscribe before taking the snapshot: a change made meanwhile is then in the snapshot, in the stream, or in both (updates are idempotent).
            ChannelReader<string> updates = hub.Subscribe();
            try
            {
                await response.WriteAsync(UpdateHub.Format("snapshot", boards.Select(board => board.State.View()).ToArray()), end.Token).ConfigureAwait(false);
                await response.Body.FlushAsync(end.Token).ConfigureAwait(false);
                while (true)
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(end.Token);
                    wait.CancelAfter(KeepAliveInterval);
                    bool more;
                    try
                    {
                        more = await updates.WaitToReadAsync(wait.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!end.IsCancellationRequested)
                    {
                        await response.WriteAsync(": keep-alive\n\n", end.Token).ConfigureAwait(false);
                        await response.Body.FlushAsync(end.Token).ConfigureAwait(false);
                        continue;
                    }

                    if (!more)
                    {
                        return;
                    }

                    while (updates.TryRead(out string? message))
                    {
                        await response.WriteAsync(message, end.Token).ConfigureAwait(false);
                    }

                    await response.Body.FlushAsync(end.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (end.IsCancellationRequested)
            {
                // The browser left or the server is stopping.
            }
            finally
            {
                hub.Unsubscribe(updates);
            }
        }

        private sealed record ModeCommand(string Mode);

        private sealed record LevelCommand(bool High);

        private sealed record PwmCommand(double DutyPercent);
    }
}
