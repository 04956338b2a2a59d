using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using NanoTlv.Cli.Output;
using NanoTlv.Client;
using Spectre.Console;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl caps</c>: every pin and what it can do.</summary>
    internal static class CapsCommand
    {
        public static Command Create(CliIo io, GlobalOptions globals)
        {
            var command = new Command("caps", "List every pin with its capabilities and ADC channel");
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                IReadOnlyList<PinCapability> pins = await client.CapsAsync(null, cancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(new
                    {
                        device = context.DeviceText,
                        pins = pins.Select(p => new
                        {
                            pin = p.Pin,
                            capabilities = FlagNames.CamelCase(p.Capabilities),
                            adcChannel = p.AdcChannel,
                            reserved = p.IsReserved ? StatusDescriptions.Describe(p.Reservation) : null,
                        }),
                    });
                }
                else
                {
                    context.Console.Write(BuildTable(pins));
                }

                return ExitCodes.Ok;
            });
            return command;
        }

        /// <summary>The pin table: Pin | Capabilities | ADC | Reserved (why the device refuses the pin).</summary>
        public static Table BuildTable(IEnumerable<PinCapability> pins)
        {
            var table = new Table().AddColumn(new TableColumn("Pin").RightAligned()).AddColumn("Capabilities").AddColumn(new TableColumn("ADC").RightAligned()).AddColumn("Reserved");
            foreach (PinCapability pin in pins)
            {
                table.AddRow(
                    pin.Pin.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", FlagNames.Of(pin.Capabilities))),
                    pin.AdcChannel is int channel ? channel.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-",
                    pin.IsReserved ? Markup.Escape(StatusDescriptions.Describe(pin.Reservation)) : string.Empty);
            }

            return table;
        }
    }
}
