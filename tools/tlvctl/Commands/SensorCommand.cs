using System;
using System.CommandLine;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Cli.Parsing;
using NanoTlv.Client;
using NanoTlv.Messages;

namespace NanoTlv.Cli.Commands
{
    /// <summary>
    /// <c>tlvctl sensor &lt;name&gt; [--address addr] [--raw]</c>: any sensor of the catalogue. The internal sensor and the
    /// BME280 are decoded; other sensors (and every sensor with --raw) print their reply data as hex. An I2C sensor's
    /// address is --address, else the default the board lists in CAPS, else the catalogue's.
    /// </summary>
    internal static class SensorCommand
    {
        public static Command Create(CliIo io, GlobalOptions globals)
        {
            Argument<SensorKind> sensor = CliArguments.Sensor();
            Option<int?> address = CliArguments.SensorAddressOption();
            var raw = new Option<bool>("--raw") { Description = "Print the reply data as hex instead of decoding it" };
            var command = new Command("sensor", "Read a sensor") { sensor, address, raw };
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                SensorKind kind = context.ParseResult.GetValue(sensor);
                int addr = context.ParseResult.GetValue(address) ?? await DefaultAddressAsync(context, client, kind, cancellationToken).ConfigureAwait(false);
                if (context.ParseResult.GetValue(raw))
                {
                    ReportRaw(context, await client.ReadSensorAsync(kind, addr, null, cancellationToken).ConfigureAwait(false));
                    return ExitCodes.Ok;
                }

                switch (kind)
                {
                    case SensorKind.InternalTemperature:
                        double celsius = await client.ReadInternalTemperatureAsync(null, cancellationToken).ConfigureAwait(false);
                        context.Report(new { sensor = Name(kind), temperatureCelsius = celsius }, "internal temperature: " + Format(celsius, "0.00") + " °C");
                        break;
                    case SensorKind.Bme280:
                        ReportBme280(context, addr, await client.ReadBme280Async(addr, null, cancellationToken).ConfigureAwait(false));
                        break;
                    default:
                        ReportRaw(context, await client.ReadSensorAsync(kind, addr, null, cancellationToken).ConfigureAwait(false));
                        break;
                }

                return ExitCodes.Ok;
            },
            context => CheckAddress(context.ParseResult.GetValue(sensor), context.ParseResult.GetValue(address)));
            return command;
        }

        /// <summary>Refuses an address the sensor cannot have, before connecting.</summary>
        /// <exception cref="UsageException">An address for a sensor off the bus, or a BME280 address other than 0x76/0x77.</exception>
        private static void CheckAddress(SensorKind kind, int? address)
        {
            if (address is not int given)
            {
                return;
            }

            if (!IsOnI2cBus(kind))
            {
                throw new UsageException("The " + Name(kind) + " sensor is not on the I2C bus; it takes no --address.");
            }

            if (kind == SensorKind.Bme280 && given != ProtocolLimits.Bme280PrimaryAddress && given != ProtocolLimits.Bme280SecondaryAddress)
            {
                throw new UsageException(
                    "A BME280 answers at " + ValueParsers.FormatAddress(ProtocolLimits.Bme280PrimaryAddress) + " or " +
                    ValueParsers.FormatAddress(ProtocolLimits.Bme280SecondaryAddress) + "; got " + ValueParsers.FormatAddress(given) + ".");
            }
        }

        /// <summary>The address to read an I2C sensor at when none was given: the board's CAPS default when it lists the
        /// sensor, else the catalogue's (with a note on standard error saying why); 0 for a sensor not on the bus.</summary>
        private static async Task<int> DefaultAddressAsync(CommandContext context, TlvClient client, SensorKind kind, CancellationToken cancellationToken)
        {
            int catalogue = MessageCatalog.SensorDefaultAddress((byte)kind);
            if (!IsOnI2cBus(kind))
            {
                return catalogue;
            }

            string why;
            try
            {
                DeviceCaps caps = await client.CapsAsync(null, cancellationToken).ConfigureAwait(false);
                if (caps.FindSensor(kind) is SensorCapability listed)
                {
                    return listed.DefaultAddress;
                }

                why = caps.Sensors is null ? "the board's firmware does not list its sensors in CAPS" : "the board's CAPS does not list a " + Name(kind);
            }
            catch (Exception ex) when (ex is DeviceException or TlvProtocolException)
            {
                why = "the board's CAPS could not be read (" + ex.Message + ")";
            }

            await context.Io.Error.WriteLineAsync("note: " + why + "; reading at the catalogue's default address " + ValueParsers.FormatAddress(catalogue) + ".").ConfigureAwait(false);
            return catalogue;
        }

        private static void ReportBme280(CommandContext context, int addr, Bme280Reading reading) =>
            context.Report(
                new
                {
                    sensor = Name(SensorKind.Bme280),
                    address = addr,
                    addressHex = ValueParsers.FormatAddress(addr),
                    temperatureCelsius = reading.TemperatureCelsius,
                    pressurePa = reading.PressurePascals,
                    pressureHpa = reading.PressureHectopascals,
                    humidityPercent = reading.HumidityPercent,
                },
                "BME280 at " + ValueParsers.FormatAddress(addr) + ": " + Format(reading.TemperatureCelsius, "0.00") + " °C, "
                    + Format(reading.PressureHectopascals, "0.00") + " hPa, " + Format(reading.HumidityPercent, "0.0") + " %RH");

        private static void ReportRaw(CommandContext context, SensorReading reading)
        {
            bool onBus = IsOnI2cBus(reading.Kind);
            context.Report(
                new
                {
                    sensor = reading.Name,
                    address = onBus ? reading.Address : (int?)null,
                    addressHex = onBus ? ValueParsers.FormatAddress(reading.Address) : null,
                    data = Convert.ToHexStringLower(reading.Data),
                },
                reading.Name + (onBus ? " at " + ValueParsers.FormatAddress(reading.Address) : string.Empty) + ": " + ValueParsers.FormatHex(reading.Data));
        }

        private static bool IsOnI2cBus(SensorKind kind) => MessageCatalog.SensorDefaultAddress((byte)kind) != MessageCatalog.NotOnI2cBus;

        private static string Name(SensorKind kind) => MessageCatalog.SensorNameOf((byte)kind);

        private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
    }
}
