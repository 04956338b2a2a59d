using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Client;

namespace NanoTlv.Cli
{
    /// <summary>Runs command bodies: builds their context, connects when they need a device, and turns
    /// exceptions into messages and exit codes in one place.</summary>
    internal static class CommandRunner
    {
        /// <summary>Sets an action that connects (HELLO with the token) before running <paramref name="body"/>.</summary>
        public static void SetDeviceAction(Command command, CliIo io, GlobalOptions globals, Func<CommandContext, TlvClient, CancellationToken, Task<int>> body)
        {
            command.SetAction((parseResult, cancellationToken) => RunAsync(io, globals, parseResult, cancellationToken, async context =>
            {
                TlvClient client = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
                await using (client.ConfigureAwait(false))
                {
                    return await body(context, client, cancellationToken).ConfigureAwait(false);
                }
            }));
        }

        /// <summary>Sets an action that needs no connection made for it.</summary>
        public static void SetAction(Command command, CliIo io, GlobalOptions globals, Func<CommandContext, CancellationToken, Task<int>> body)
        {
            command.SetAction((parseResult, cancellationToken) => RunAsync(io, globals, parseResult, cancellationToken, context => body(context, cancellationToken)));
        }

        private static async Task<int> RunAsync(CliIo io, GlobalOptions globals, ParseResult parseResult, CancellationToken cancellationToken, Func<CommandContext, Task<int>> body)
        {
            CommandContext? context = null;
            try
            {
                context = new CommandContext(io, globals, parseResult);
                return await body(context).ConfigureAwait(false);
            }
            catch (DeviceException ex)
            {
                return Fail(io, context, ExitCodes.DeviceError, "device", ex.Message, ex.Status.ToString());
            }
            catch (Exception ex) when (ex is UsageException or ArgumentException or FormatException)
            {
                return Fail(io, context, ExitCodes.UsageError, "usage", ex.Message, null);
            }
            catch (Exception ex) when (ex is DeviceConnectionException or TimeoutException or TlvProtocolException or IOException)
            {
                return Fail(io, context, ExitCodes.ConnectionError, ex is TimeoutException ? "timeout" : "connection", ex.Message, null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Fail(io, context, ExitCodes.Interrupted, "interrupted", "Interrupted.", null);
            }
        }

        private static int Fail(CliIo io, CommandContext? context, int exitCode, string kind, string message, string? status)
        {
            io.Error.WriteLine("error: " + message);
            if (context?.Json == true)
            {
                context.WriteJson(new { error = new { kind, status, message, exitCode } });
            }

            return exitCode;
        }
    }
}
