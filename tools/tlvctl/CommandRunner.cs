using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Client;
using NanoTlv.Messages;

namespace NanoTlv.Cli
{
    /// <summary>Runs command bodies: builds their context, connects when they need a device, and turns
    /// exceptions into messages and exit codes in one place.</summary>
    internal static class CommandRunner
    {
        /// <summary>Sets an action that connects (HELLO with the token) before running <paramref name="body"/>; the
        /// command takes every global option.</summary>
        /// <param name="command">The command.</param>
        /// <param name="io">Writers and environment.</param>
        /// <param name="globals">The global options.</param>
        /// <param name="body">What the command does with the connected client; returns the exit code.</param>
        /// <param name="beforeConnect">Sets connection settings from the command's options (e.g. a keepalive); null for none.</param>
        public static void SetDeviceAction(Command command, CliIo io, GlobalOptions globals, Func<CommandContext, TlvClient, CancellationToken, Task<int>> body, Action<CommandContext>? beforeConnect = null)
        {
            command.SetAction((parseResult, cancellationToken) => RunAsync(io, globals, GlobalOptionSet.All, parseResult, cancellationToken, async context =>
            {
                beforeConnect?.Invoke(context);
                TlvClient client = await context.ConnectAsync(cancellationToken).ConfigureAwait(false);
                await using (client.ConfigureAwait(false))
                {
                    try
                    {
                        return await body(context, client, cancellationToken).ConfigureAwait(false);
                    }
                    catch (DeviceException ex) when (ex.Status == StatusCode.PinReserved && ex.Pin is int pin)
                    {
                        context.ErrorReason = await DescribeReservationAsync(client, pin, cancellationToken).ConfigureAwait(false);
                        throw;
                    }
                }
            }));
        }

        /// <summary>Sets an action that needs no connection made for it.</summary>
        /// <param name="command">The command.</param>
        /// <param name="io">Writers and environment.</param>
        /// <param name="globals">The global options.</param>
        /// <param name="body">What the command does; returns the exit code.</param>
        /// <param name="accepts">The global options that apply to the command; giving another is a usage error.</param>
        public static void SetAction(Command command, CliIo io, GlobalOptions globals, Func<CommandContext, CancellationToken, Task<int>> body, GlobalOptionSet accepts = GlobalOptionSet.All)
        {
            command.SetAction((parseResult, cancellationToken) => RunAsync(io, globals, accepts, parseResult, cancellationToken, context => body(context, cancellationToken)));
        }

        private static async Task<int> RunAsync(CliIo io, GlobalOptions globals, GlobalOptionSet accepts, ParseResult parseResult, CancellationToken cancellationToken, Func<CommandContext, Task<int>> body)
        {
            CommandContext? context = null;
            try
            {
                context = new CommandContext(io, globals, parseResult);
                RefuseOptionsThatDoNotApply(globals, accepts, parseResult);
                return await body(context).ConfigureAwait(false);
            }
            catch (DeviceException ex)
            {
                string message = context?.ErrorReason is string reason ? ErrorText.Of(ex) + "; " + reason : ErrorText.Of(ex);
                return Fail(io, context, ExitCodes.DeviceError, "device", message, ex.Status.ToString());
            }
            catch (Exception ex) when (ex is UsageException or ArgumentException or FormatException)
            {
                return Fail(io, context, ExitCodes.UsageError, "usage", ErrorText.Of(ex), null);
            }
            catch (Exception ex) when (ex is DeviceConnectionException or TimeoutException or TlvProtocolException or IOException)
            {
                return Fail(io, context, ExitCodes.ConnectionError, ex is TimeoutException ? "timeout" : "connection", ErrorText.Of(ex), null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Fail(io, context, ExitCodes.Interrupted, "interrupted", "Interrupted.", null);
            }
        }

        private static void RefuseOptionsThatDoNotApply(GlobalOptions globals, GlobalOptionSet accepts, ParseResult parseResult)
        {
            foreach ((Option option, GlobalOptionSet flag) in globals.All())
            {
                if ((accepts & flag) == 0 && parseResult.GetResult(option) is { Implicit: false })
                {
                    throw new UsageException(option.Name + " does not apply to 'tlvctl " + parseResult.CommandResult.Command.Name + "'.");
                }
            }
        }

        /// <summary>Why the device reserves <paramref name="pin"/>, from its CAPS, e.g. "GPIO 1 is UART0, ...";
        /// null when CAPS cannot be read.</summary>
        private static async Task<string?> DescribeReservationAsync(TlvClient client, int pin, CancellationToken cancellationToken)
        {
            try
            {
                PinReservation reservation = await client.GetPinReservationAsync(pin, null, cancellationToken).ConfigureAwait(false);
                return reservation == PinReservation.None ? null : "GPIO " + pin + " is reserved: " + StatusDescriptions.Describe(reservation);
            }
            catch (Exception ex) when (ex is DeviceException or TimeoutException or IOException or DeviceConnectionException or TlvProtocolException)
            {
                return null;
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
