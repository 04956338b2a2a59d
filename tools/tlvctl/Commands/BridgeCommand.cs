using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Bridge;
using NanoTlv.Cli.Bridge;
using NanoTlv.Cli.Parsing;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl bridge</c>: boards to an MQTT broker (with Home Assistant discovery) until Ctrl+C.</summary>
    internal static class BridgeCommand
    {
        public static Command Create(CliIo io, GlobalOptions globals)
        {
            var devices = new Option<string[]>("--device", "-d") { Description = "A board host:port (repeat for more); --token, --inputs ... apply to each", HelpName = "host:port", AllowMultipleArgumentsPerToken = false };
            var file = new Option<FileInfo?>("--devices") { Description = "File listing boards, one per line: host:port [token=..] [id=..] [inputs=4,5] [outputs=23] [adc=34] [pwm=18] [bme280[=0x76]] [failsafe=23:0] [debounce=ms]", HelpName = "file" };
            var broker = new Option<string>("--broker") { Description = "MQTT broker host[:port] (port 1883, or 8883 with --tls)", HelpName = "host:port", DefaultValueFactory = _ => "127.0.0.1" };
            var user = new Option<string?>("--mqtt-user") { Description = "Broker user name" };
            var password = new Option<string?>("--mqtt-password") { Description = "Broker password (default: $TLVCTL_MQTT_PASSWORD); never printed" };
            var tls = new Option<bool>("--tls") { Description = "Connect to the broker with TLS (certificate checked against the system's trust store)" };
            var insecure = new Option<bool>("--tls-insecure") { Description = "With --tls: accept a certificate that does not validate (self-signed test brokers)" };
            var caFile = new Option<FileInfo>("--ca-file") { Description = "With --tls: trust only the CA certificates in this PEM file (e.g. a private CA), not the system's trust store", HelpName = "pem" };
            var inputs = new Option<string>("--inputs") { Description = "Input pins, e.g. 4,5 (binary sensors and events)", HelpName = "pins", DefaultValueFactory = _ => string.Empty };
            var outputs = new Option<string>("--outputs") { Description = "Output pins, e.g. 23,25 (switches)", HelpName = "pins", DefaultValueFactory = _ => string.Empty };
            var adc = new Option<string>("--adc") { Description = "ADC pins, e.g. 34 (sensors)", HelpName = "pins", DefaultValueFactory = _ => string.Empty };
            var pwm = new Option<string>("--pwm") { Description = "PWM pins, e.g. 18 (set/pwm/<pin>)", HelpName = "pins", DefaultValueFactory = _ => string.Empty };
            var bme280 = new Option<bool>("--bme280") { Description = "The boards have a BME280 at their default address" };
            var failsafe = new Option<string>("--failsafe") { Description = "Failsafe levels, e.g. 23:0,25:1", HelpName = "pin:level,...", DefaultValueFactory = _ => string.Empty };
            var interval = new Option<double>("--interval") { Description = "Seconds between ADC and BME280 publications", HelpName = "s", DefaultValueFactory = _ => 10 };
            var keepAlive = new Option<double>("--keepalive") { Description = "Seconds between PINGs to each board (a board that misses one is reconnected); below the boards' idle timeout", HelpName = "s", DefaultValueFactory = _ => 5 };
            var prefix = new Option<string>("--topic-prefix") { Description = "First topic level", DefaultValueFactory = _ => BridgeOptions.DefaultTopicPrefix };
            var discovery = new Option<string>("--discovery-prefix") { Description = "Home Assistant discovery prefix", DefaultValueFactory = _ => BridgeOptions.DefaultDiscoveryPrefix };
            var noDiscovery = new Option<bool>("--no-discovery") { Description = "Publish no Home Assistant discovery configs" };
            var command = new Command("bridge", "Bridge boards to an MQTT broker, with Home Assistant discovery, until Ctrl+C (topics: docs/mqtt.md)")
            {
                devices, file, broker, user, password, tls, insecure, caFile, inputs, outputs, adc, pwm, bme280, failsafe, interval, keepAlive, prefix, discovery, noDiscovery,
            };
            CommandRunner.SetAction(command, io, globals, async (context, cancellationToken) =>
            {
                ParseResult parsed = context.ParseResult;
                var defaults = new BridgeBoard(string.Empty, DeviceAddress.DefaultPort)
                {
                    Token = context.Token,
                    Inputs = BoardSpec.ParsePins("--inputs", parsed.GetValue(inputs)!),
                    Outputs = BoardSpec.ParsePins("--outputs", parsed.GetValue(outputs)!),
                    AnalogPins = BoardSpec.ParsePins("--adc", parsed.GetValue(adc)!),
                    PwmPins = BoardSpec.ParsePins("--pwm", parsed.GetValue(pwm)!),
                    Bme280Address = parsed.GetValue(bme280) ? 0 : null,
                    Failsafes = BoardSpec.ParseFailsafes(parsed.GetValue(failsafe)!),
                };
                var boards = new List<BridgeBoard>();
                foreach (string device in parsed.GetValue(devices) ?? [])
                {
                    boards.Add(BoardSpec.ParseLine(device, defaults));
                }

                if (parsed.GetValue(file) is FileInfo list)
                {
                    string text = await ReadAsync(list, cancellationToken).ConfigureAwait(false);
                    boards.AddRange(BoardSpec.ParseFile(text, list.Name, defaults));
                }

                if (boards.Count == 0)
                {
                    throw new UsageException("Give at least one board: --board host:port or --devices <file>.");
                }

                bool useTls = parsed.GetValue(tls);
                DeviceAddress brokerAddress = DeviceAddress.Parse(parsed.GetValue(broker)!.Contains(':', StringComparison.Ordinal)
                    ? parsed.GetValue(broker)!
                    : parsed.GetValue(broker) + ":" + (useTls ? BridgeOptions.DefaultTlsBrokerPort : BridgeOptions.DefaultBrokerPort));
                var options = new BridgeOptions
                {
                    BrokerHost = brokerAddress.Host,
                    BrokerPort = brokerAddress.Port,
                    UserName = parsed.GetValue(user),
                    Password = parsed.GetValue(password) ?? NonEmpty(context.Io.GetEnvironmentVariable("TLVCTL_MQTT_PASSWORD")),
                    UseTls = useTls,
                    AllowUntrustedCertificates = parsed.GetValue(insecure),
                    TrustedCaFile = parsed.GetValue(caFile)?.FullName,
                    TopicPrefix = parsed.GetValue(prefix)!,
                    DiscoveryPrefix = parsed.GetValue(noDiscovery) ? null : parsed.GetValue(discovery),
                    SensorInterval = Seconds("--interval", parsed.GetValue(interval)),
                    KeepAliveInterval = Seconds("--keepalive", parsed.GetValue(keepAlive)),
                    RequestTimeout = context.Timeout,
                    Log = line => context.Report(new { @event = "log", message = line }, line),
                };
                if (options.AllowUntrustedCertificates && !useTls)
                {
                    throw new UsageException("--tls-insecure needs --tls.");
                }

                if (options.TrustedCaFile is not null && (!useTls || options.AllowUntrustedCertificates))
                {
                    throw new UsageException("--ca-file needs --tls and excludes --tls-insecure.");
                }

                MqttBridge bridge = await MqttBridge.StartAsync(options, boards).ConfigureAwait(false);
                await using (bridge.ConfigureAwait(false))
                {
                    context.Report(
                        new { @event = "bridging", broker = brokerAddress.ToString(), boards = boards.Select(b => b.Endpoint).ToArray() },
                        "bridging " + boards.Count + " board" + (boards.Count == 1 ? string.Empty : "s") + " to mqtt" + (useTls ? "s" : string.Empty) + "://" + brokerAddress + "; Ctrl+C stops");
                    try
                    {
                        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        // Ctrl+C: the normal way to stop.
                    }
                }

                context.Report(new { @event = "stopped" }, "bridge stopped; boards published offline");
                return ExitCodes.Ok;
            });
            return command;
        }

        private static async Task<string> ReadAsync(FileInfo file, CancellationToken cancellationToken)
        {
            try
            {
                return await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException("Cannot read the board list " + file.FullName + ": " + ex.Message);
            }
        }

        private static TimeSpan Seconds(string name, double value) =>
            value > 0 && value <= TimeSpan.FromDays(1).TotalSeconds ? TimeSpan.FromSeconds(value) : throw new UsageException(name + " must be a positive number of seconds (at most a day).");

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
