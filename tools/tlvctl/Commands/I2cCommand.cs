using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using NanoTlv.Cli.Parsing;
using NanoTlv.Messages;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl i2c scan|read|write|write-read</c>.</summary>
    internal static class I2cCommand
    {

        public static Command Create(CliIo io, GlobalOptions globals) =>
            new Command("i2c", "I2C bus: scan, read, write, write-read")
            {
                Scan(io, globals),
                Read(io, globals),
                Write(io, globals),
                WriteRead(io, globals),
            };

        private static Command Scan(CliIo io, GlobalOptions globals)
        {
            var command = new Command("scan", "List the addresses that acknowledge");
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                IReadOnlyList<int> found = await client.I2cScanAsync(null, cancellationToken).ConfigureAwait(false);
                string list = string.Join(' ', found.Select(ValueParsers.FormatAddress));
                context.Report(
                    new { addresses = found, addressesHex = found.Select(ValueParsers.FormatAddress) },
                    found.Count == 0 ? "no I2C device answered" : found.Count + " device" + (found.Count == 1 ? string.Empty : "s") + ": " + list);
                return ExitCodes.Ok;
            });
            return command;
        }

        private static Command Read(CliIo io, GlobalOptions globals)
        {
            Argument<int> address = CliArguments.I2cAddress();
            Argument<int> count = CliArguments.Count("count", "Bytes to read (1..255)", 1, ProtocolLimits.MaxI2cReadBytes);
            var command = new Command("read", "Read bytes from a device") { address, count };
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                int addr = context.ParseResult.GetValue(address);
                byte[] data = await client.I2cReadAsync(addr, context.ParseResult.GetValue(count), null, cancellationToken).ConfigureAwait(false);
                ReportData(context, addr, 0, data);
                return ExitCodes.Ok;
            });
            return command;
        }

        private static Command Write(CliIo io, GlobalOptions globals)
        {
            Argument<int> address = CliArguments.I2cAddress();
            Argument<byte[]> data = CliArguments.HexBytes("hexbytes", "Bytes to write (1..255), e.g. 0a1b or 0a:1b");
            var command = new Command("write", "Write bytes to a device") { address, data };
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                int addr = context.ParseResult.GetValue(address);
                byte[] bytes = context.ParseResult.GetValue(data)!;
                await client.I2cWriteAsync(addr, bytes, null, cancellationToken).ConfigureAwait(false);
                context.Report(
                    new { address = addr, addressHex = ValueParsers.FormatAddress(addr), written = bytes.Length },
                    ValueParsers.FormatAddress(addr) + " <- " + ValueParsers.FormatHex(bytes));
                return ExitCodes.Ok;
            });
            return command;
        }

        private static Command WriteRead(CliIo io, GlobalOptions globals)
        {
            Argument<int> address = CliArguments.I2cAddress();
            Argument<byte[]> data = CliArguments.HexBytes("hexbytes", "Bytes to write first (1..255), e.g. a register number");
            Argument<int> count = CliArguments.Count("count", "Bytes to read (1..255)", 1, ProtocolLimits.MaxI2cReadBytes);
            var command = new Command("write-read", "Write then read with a repeated start (e.g. read a register)") { address, data, count };
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                int addr = context.ParseResult.GetValue(address);
                byte[] bytes = context.ParseResult.GetValue(data)!;
                byte[] read = await client.I2cWriteReadAsync(addr, bytes, context.ParseResult.GetValue(count), null, cancellationToken).ConfigureAwait(false);
                ReportData(context, addr, bytes.Length, read);
                return ExitCodes.Ok;
            });
            return command;
        }

        private static void ReportData(CommandContext context, int address, int written, byte[] data) =>
            context.Report(
                new { address, addressHex = ValueParsers.FormatAddress(address), written, data = Convert.ToHexString(data).ToLowerInvariant() },
                ValueParsers.FormatAddress(address) + " -> " + ValueParsers.FormatHex(data));
    }
}
