using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace NanoTlv.Bridge.Tests.Support
{
    /// <summary>Bridge settings for tests: fast timers, log lines kept.</summary>
    public static class Bridges
    {
        public const int Output = 23;
        public const int SecondOutput = 25;
        public const int Input = 4;
        public const int AdcPin = 34;
        public const int AdcChannel = 6;
        public const int PwmPin = 18;

        public static BridgeOptions Options(int brokerPort, ConcurrentQueue<string> log) => new()
        {
            BrokerHost = "127.0.0.1",
            BrokerPort = brokerPort,
            SensorInterval = TimeSpan.FromMilliseconds(300),
            KeepAliveInterval = TimeSpan.FromMilliseconds(500),
            RequestTimeout = TimeSpan.FromSeconds(2),
            Reconnect = new NanoTlv.Client.ReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(400) },
            Log = log.Enqueue,
        };

        /// <summary>A board with an output, an input, an ADC pin, a PWM pin and a BME280.</summary>
        public static BridgeBoard FullBoard(int port, string? token = null) => new("127.0.0.1", port)
        {
            Token = token,
            Outputs = [Output, SecondOutput],
            Inputs = [Input],
            AnalogPins = [AdcPin],
            PwmPins = [PwmPin],
            Bme280Address = 0,
            Failsafes = new Dictionary<int, bool> { [SecondOutput] = true },
        };

        public static Task<MqttBridge> StartAsync(int brokerPort, ConcurrentQueue<string> log, params BridgeBoard[] boards) =>
            MqttBridge.StartAsync(Options(brokerPort, log), boards);
    }
}
