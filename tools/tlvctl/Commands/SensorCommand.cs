using System.CommandLine;
using System.Globalization;
using NanoTlv.Cli.Parsing;
using NanoTlv.Client;
using NanoTlv.Messages;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl sensor internal|bme280</c>.</summary>
    internal static class SensorCommand
    {
        public static Command Create(CliIo io, GlobalOptions globals)
        {
            var kind = new Argument<string>("sensor") { Description = "internal (chip temperature) or bme280" };
            kind.AcceptOnlyFromAmong("internal", "bme280");
            Option<int> address = CliArguments.Bme280AddressOption();
            var command = new Command("sensor", "Read a sensor") { kind, address };
            CommandRunner.SetDeviceAction(command, io, globals, async (context, client, cancellationToken) =>
            {
                if (context.ParseResult.GetValue(kind) == "internal")
                {
                    double celsius = await client.ReadInternalTemperatureAsync(null, cancellationToken).ConfigureAwait(false);
                    context.Report(new { sensor = "internal", temperatureCelsius = celsius }, "internal temperature: " + Format(celsius, "0.00") + " °C");
                    return ExitCodes.Ok;
                }

                int addr = context.ParseResult.GetValue(address);
                Bme280Reading reading = await client.ReadBme280Async(addr, null, cancellationToken).ConfigureAwait(false);
                context.Report(
                    new
                    {
                        sensor = "bme280",
                        address = addr,
                        addressHex = ValueParsers.FormatAddress(addr),
                        temperatureCelsius = reading.TemperatureCelsius,
                        pressurePa = reading.PressurePascals,
                        pressureHpa = reading.PressureHectopascals,
                        humidityPercent = reading.HumidityPercent,
                    },
                    "BME280 at " + ValueParsers.FormatAddress(addr) + ": " + Format(reading.TemperatureCelsius, "0.00") + " °C, "
                        + Format(reading.PressureHectopascals, "0.00") + " hPa, " + Format(reading.HumidityPercent, "0.0") + " %RH");
                return ExitCodes.Ok;
            });
            return command;
        }

        private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
    }
}
