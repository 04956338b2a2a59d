using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using NanoTlv.Cli.Output;
using NanoTlv.Cli.Parsing;
using NanoTlv.Client;
using Spectre.Console;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl caps</c>: every pin and what it can do.</summary>
    internal static class CapsCommand
    {
        public static Command Create(CliIo io, GlobalOptions globals)
        {
            var command = new Command("caps", "List every pin with its capabilities and ADC channel, and the board's sensors");
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                DeviceCaps caps = await client.CapsAsync(null, cancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(new
                    {
                        device = context.DeviceText,
                        pins = caps.Pins.Select(p => new
                        {
                            pin = p.Pin,
                            capabilities = FlagNames.CamelCase(p.Capabilities),
                            adcChannel = p.AdcChannel,
                            reserved = p.IsReserved ? StatusDescriptions.Describe(p.Reservation) : null,
                        }),
                        sensors = caps.Sensors?.Select(s => new
                        {
                            sensor = s.Name,
                            kind = (int)s.Kind,
                            defaultAddress = s.IsOnI2cBus ? s.DefaultAddress : (int?)null,
                            defaultAddressHex = s.IsOnI2cBus ? ValueParsers.FormatAddress(s.DefaultAddress) : null,
                        }),
                    });
                }
                else
                {
                    context.Console.Write(BuildTable(caps.Pins));
                    context.Console.WriteLine(DescribeSensors(caps.Sensors));
                }

                return ExitCodes.Ok;
            });
            return command;
        }

        /// <summary>"sensors: internal, bme280 (I2C, default 0x76)"; says so when the firmware does not list them.</summary>
        public static string DescribeSensors(IReadOnlyList<SensorCapability>? sensors) =>
            sensors is null ? "sensors: not listed by this firmware (older than the CAPS sensor list)"
            : sensors.Count == 0 ? "sensors: none"
            : "sensors: " + string.Join(", ", sensors.Select(s => s.IsOnI2cBus ? s.Name + " (I2C, default " + ValueParsers.FormatAddress(s.DefaultAddress) + ")" : s.Name));

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
