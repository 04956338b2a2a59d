using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Cli.Commands;
using NanoTlv.Cli.Harness;
using NanoTlv.Cli.Output;
using NanoTlv.Client;
using NanoTlv.Firmware;
using NanoTlv.Messages;
using NanoTlv.VirtualDevice;
using Spectre.Console.Rendering;

namespace NanoTlv.Cli.Demo
{
    /// <summary>
    /// The end-to-end walk-through of <c>tlvctl demo</c>: a virtual device on a free loopback port, driven
    /// through the client library over real TCP, each step checked against the virtual board.
    /// </summary>
    internal sealed class DemoRunner
    {
        private const string DeviceName = "nanotlv-demo";
        private const int OutputPin = 23;
        private const int InputPin = 4;
        private const int AnalogPin = 34;
        private const int PwmPin = 18;
        private const int ReservedPin = 6;
        private const int AppliedMillivolts = 1650;
        private const int MillivoltTolerance = 20;
        private const double Temperature = 21.5;
        private const double PressurePa = 101325;
        private const double Humidity = 45.0;
        private const int PwmFrequencyHz = 1000;
        private const double PwmDutyPercent = 25;
        private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(3);
        private static readonly int[] ShownPins = { 2, InputPin, ReservedPin, PwmPin, 21, OutputPin, AnalogPin };

        private readonly CommandContext _context;
        private readonly int _harnessFrames;
        private readonly int _seed;
        private readonly List<DemoStep> _steps = new();
        private IRenderable? _shownAfterStep;

        public DemoRunner(CommandContext context, int harnessFrames, int seed)
        {
            _context = context;
            _harnessFrames = harnessFrames;
            _seed = seed;
        }

        public async Task<int> RunAsync(CancellationToken cancellationToken)
        {
            long started = Stopwatch.GetTimestamp();
            var log = new DemoLog();
            var options = new DeviceOptions { DeviceName = DeviceName };
            ServeCommand.SetFirmwareVersion(options);
            using var board = new VirtualBoard();
            using VirtualDeviceHost host = VirtualDeviceHost.Start(board, options, log);
            Say("tlvctl demo: a virtual " + board.Description.Name + " on 127.0.0.1:" + host.Port + ", driven through the client library over TCP");
            int exitCode = ExitCodes.Ok;
            try
            {
                var clientOptions = new TlvClientOptions { RequestTimeout = _context.Timeout };
                await using TlvClient client = await TlvClient.ConnectAsync("127.0.0.1", host.Port, clientOptions, cancellationToken).ConfigureAwait(false);
                await Step("hello", () => HelloAsync(client, cancellationToken)).ConfigureAwait(false);
                await Step("caps", () => CapsAsync(client, cancellationToken)).ConfigureAwait(false);
                await Step("blink", () => BlinkAsync(client, board, cancellationToken)).ConfigureAwait(false);
                await Step("adc", () => AnalogAsync(client, board, cancellationToken)).ConfigureAwait(false);
                await Step("bme280", () => Bme280Async(client, board, cancellationToken)).ConfigureAwait(false);
                await Step("events", () => EventsAsync(client, board, cancellationToken)).ConfigureAwait(false);
                await Step("pwm", () => PwmAsync(client, board, cancellationToken)).ConfigureAwait(false);
                await Step("errors", () => RefusalAsync(client, cancellationToken)).ConfigureAwait(false);
                exitCode = await HarnessAsync(host.Port, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DemoCheckException or DeviceException or DeviceConnectionException or TimeoutException or TlvProtocolException)
            {
                _steps.Add(new DemoStep("failed", false, ex.Message));
                Say("FAILED: " + ex.Message);
                foreach (string line in log.Lines)
                {
                    Say("  device log: " + line);
                }

                exitCode = ex is DeviceConnectionException or TimeoutException ? ExitCodes.ConnectionError : ExitCodes.DeviceError;
            }

            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            bool passed = exitCode == ExitCodes.Ok;
            if (_context.Json)
            {
                _context.WriteJson(new { passed, elapsedMs = elapsed.TotalMilliseconds, steps = _steps });
            }
            else
            {
                Say(passed
                    ? "demo passed: " + _steps.Count + " steps, every check held (" + elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s)"
                    : "demo FAILED (exit " + exitCode + ")");
            }

            return exitCode;
        }

        private async Task<string> HelloAsync(TlvClient client, CancellationToken cancellationToken)
        {
            DeviceHello hello = await client.HelloAsync(null, null, cancellationToken).ConfigureAwait(false);
            Require(hello.Name == DeviceName, "HELLO name is '" + hello.Name + "', expected '" + DeviceName + "'");
            return hello.Name + " firmware " + hello.FirmwareVersion.ToString(3) + ", protocol " + hello.ProtocolVersion
                + ", max payload " + hello.MaxPayloadBytes + " bytes, features: " + string.Join(", ", FlagNames.Of(hello.Capabilities));
        }

        private async Task<string> CapsAsync(TlvClient client, CancellationToken cancellationToken)
        {
            DeviceCaps caps = await client.CapsAsync(null, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<PinCapability> pins = caps.Pins;
            PinCapability? reserved = pins.FirstOrDefault(p => p.Pin == ReservedPin);
            Require(reserved is not null && reserved.Has(PinCapabilities.Reserved), "CAPS does not mark flash pin " + ReservedPin + " reserved");
            Require(pins.Any(p => p.Pin == AnalogPin && p.AdcChannel is not null), "CAPS lists no ADC channel for pin " + AnalogPin);
            _shownAfterStep = CapsCommand.BuildTable(pins.Where(p => ShownPins.Contains(p.Pin)));
            Require(caps.FindSensor(SensorKind.Bme280) is not null, "CAPS does not list the BME280");
            return pins.Count + " pins reported; the table shows the ones this demo uses (tlvctl caps lists all); " + CapsCommand.DescribeSensors(caps.Sensors);
        }

        private static async Task<string> BlinkAsync(TlvClient client, VirtualBoard board, CancellationToken cancellationToken)
        {
            await client.SetPinModeAsync(OutputPin, PinMode.Output, null, cancellationToken).ConfigureAwait(false);
            var seen = new List<string>();
            await client.DigitalWriteAsync(OutputPin, true, null, cancellationToken).ConfigureAwait(false);
            seen.Add(await ReadBackAsync(client, board, true, "write 1", cancellationToken).ConfigureAwait(false));
            for (int i = 0; i < 3; i++)
            {
                bool level = await client.DigitalToggleAsync(OutputPin, null, cancellationToken).ConfigureAwait(false);
                seen.Add(await ReadBackAsync(client, board, level, "toggle", cancellationToken).ConfigureAwait(false));
            }

            return "pin " + OutputPin + " output: " + string.Join("; ", seen);
        }

        private static async Task<string> ReadBackAsync(TlvClient client, VirtualBoard board, bool expected, string action, CancellationToken cancellationToken)
        {
            bool read = await client.DigitalReadAsync(OutputPin, null, cancellationToken).ConfigureAwait(false);
            bool line = board.IsHigh(OutputPin);
            Require(read == expected && line == expected, action + " expected level " + Bit(expected) + ", read " + Bit(read) + ", virtual pin " + Bit(line));
            return action + " -> read " + Bit(read) + ", virtual pin " + (line ? "HIGH" : "LOW");
        }

        private static async Task<string> AnalogAsync(TlvClient client, VirtualBoard board, CancellationToken cancellationToken)
        {
            board.SetAnalogMillivolts(AnalogPin, AppliedMillivolts);
            AnalogReading reading = await client.AnalogReadAsync(AnalogPin, null, cancellationToken).ConfigureAwait(false);
            Require(Math.Abs(reading.Millivolts - AppliedMillivolts) <= MillivoltTolerance, "ADC read " + reading.Millivolts + " mV for " + AppliedMillivolts + " mV applied");
            return "board applies " + AppliedMillivolts + " mV to pin " + AnalogPin + " -> raw " + reading.Raw + " (" + reading.ResolutionBits + "-bit) = " + reading.Millivolts + " mV";
        }

        private static async Task<string> Bme280Async(TlvClient client, VirtualBoard board, CancellationToken cancellationToken)
        {
            board.SetEnvironment(Temperature, PressurePa, Humidity);
            Bme280Reading reading = await client.ReadBme280Async(board.Bme280Address, null, cancellationToken).ConfigureAwait(false);
            Require(
                Math.Abs(reading.TemperatureCelsius - Temperature) < 0.2 && Math.Abs(reading.PressurePascals - PressurePa) < 50 && Math.Abs(reading.HumidityPercent - Humidity) < 1,
                "BME280 read " + Describe(reading) + " for " + Temperature + " °C, " + PressurePa + " Pa, " + Humidity + " %RH");
            return "board sets " + F(Temperature) + " °C, " + F(PressurePa / 100) + " hPa, " + F(Humidity) + " %RH -> read " + Describe(reading);
        }

        private static async Task<string> EventsAsync(TlvClient client, VirtualBoard board, CancellationToken cancellationToken)
        {
            await client.SetPinModeAsync(InputPin, PinMode.Input, null, cancellationToken).ConfigureAwait(false);
            board.DriveInput(InputPin, false);
            await client.SubscribeAsync(InputPin, PinEdges.Both, 0, null, cancellationToken).ConfigureAwait(false);
            var seen = new List<string>();
            foreach (bool level in new[] { true, false })
            {
                board.DriveInput(InputPin, level);
                PinChangedEvent change = await NextChangeAsync(client, cancellationToken).ConfigureAwait(false);
                Require(change.Pin == InputPin && change.High == level, "expected PIN_CHANGED pin " + InputPin + " level " + Bit(level) + ", got pin " + change.Pin + " level " + Bit(change.High));
                seen.Add("board drives " + Bit(level) + " -> event pin " + change.Pin + " = " + Bit(change.High) + " at device time " + change.DeviceTimestampMs + " ms");
            }

            await client.UnsubscribeAsync(InputPin, null, cancellationToken).ConfigureAwait(false);
            return "subscribed to pin " + InputPin + ": " + string.Join("; ", seen);
        }

        private static async Task<PinChangedEvent> NextChangeAsync(TlvClient client, CancellationToken cancellationToken)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(EventTimeout);
            try
            {
                await foreach (DeviceEvent deviceEvent in client.Events(limit.Token).ConfigureAwait(false))
                {
                    if (deviceEvent is PinChangedEvent change)
                    {
                        return change;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Fall through to the failure below.
            }

            throw new DemoCheckException("no PIN_CHANGED event within " + EventTimeout.TotalSeconds + " s");
        }

        private static async Task<string> PwmAsync(TlvClient client, VirtualBoard board, CancellationToken cancellationToken)
        {
            await client.PwmSetAsync(PwmPin, PwmFrequencyHz, PwmDutyPercent, null, cancellationToken).ConfigureAwait(false);
            PwmState state = board.GetPwmState(PwmPin);
            Require(state.IsRunning && state.FrequencyHz == PwmFrequencyHz && state.DutyTenThousandths == TlvClient.DutyToWire(PwmDutyPercent), "virtual PWM shows " + state);
            await client.PwmStopAsync(PwmPin, null, cancellationToken).ConfigureAwait(false);
            Require(!board.GetPwmState(PwmPin).IsRunning, "PWM still running after PWM_STOP");
            return "pin " + PwmPin + " " + PwmFrequencyHz + " Hz " + PwmDutyPercent + " % -> virtual PWM " + state.FrequencyHz + " Hz, duty " + state.DutyTenThousandths + "/10000; stopped";
        }

        private static async Task<string> RefusalAsync(TlvClient client, CancellationToken cancellationToken)
        {
            try
            {
                await client.DigitalWriteAsync(ReservedPin, true, null, cancellationToken).ConfigureAwait(false);
            }
            catch (DeviceException ex) when (ex.Status == StatusCode.PinReserved)
            {
                await client.PingAsync(new byte[] { 1, 2, 3 }, null, cancellationToken).ConfigureAwait(false);
                return "writing flash pin " + ReservedPin + " is refused: \"" + ex.Message + "\"; the connection carries on";
            }

            throw new DemoCheckException("writing reserved pin " + ReservedPin + " was not refused with PinReserved");
        }

        private async Task<int> HarnessAsync(int port, CancellationToken cancellationToken)
        {
            var options = new HarnessOptions { Host = "127.0.0.1", Port = port, FramesPerStrategy = _harnessFrames, Seed = _seed, ReplyTimeout = _context.Timeout };
            Say("harness: " + options.Strategies.Count + " strategies x " + _harnessFrames + " PING frames (whole, 1-byte, random splits, header splits, bursts, garbage, oversized, empty, 0x72 payloads)");
            HarnessReport report = await HarnessCommand.RunAsync(_context, options, cancellationToken).ConfigureAwait(false);
            if (!_context.Json)
            {
                HarnessReportView.Write(_context, report);
            }

            _steps.Add(new DemoStep("harness", report.Passed, report.Passed ? "every reply and event matched" : string.Join("; ", report.Mismatches)));
            return report.Passed ? ExitCodes.Ok : ExitCodes.HarnessMismatch;
        }

        private async Task Step(string name, Func<Task<string>> step)
        {
            string detail = await step().ConfigureAwait(false);
            _steps.Add(new DemoStep(name, true, detail));
            Say(_steps.Count.ToString(CultureInfo.InvariantCulture).PadLeft(2) + ". " + name.PadRight(7) + " " + detail);
            if (_shownAfterStep is not null && !_context.Json)
            {
                _context.Console.Write(_shownAfterStep);
            }

            _shownAfterStep = null;
        }

        private void Say(string line)
        {
            if (!_context.Json)
            {
                _context.WriteLine(line);
            }
        }

        private static void Require(bool condition, string failure)
        {
            if (!condition)
            {
                throw new DemoCheckException(failure);
            }
        }

        private static string Describe(Bme280Reading reading) =>
            F(reading.TemperatureCelsius) + " °C, " + F(reading.PressureHectopascals) + " hPa, " + F(reading.HumidityPercent) + " %RH";

        private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

        private static int Bit(bool high) => high ? 1 : 0;
    }
}
