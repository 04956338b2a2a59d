using NanoTlv.Firmware;
using NanoTlv.Firmware.Board;

namespace NanoTlv.PortableTests.Firmware
{
    /// <summary>
    /// A <see cref="DeviceServer"/> on a <see cref="FakeBoard"/> with the ESP32 DevKit pin table, driven only
    /// through the server's public API: one scripted connection at a time, served on the calling thread.
    /// </summary>
    public sealed class TestDevice
    {
        /// <summary>The device name the cases configure.</summary>
        public const string DeviceName = "nanotlv";

        /// <summary>The smallest maximum payload the options allow, so oversized frames stay short.</summary>
        public const int MaxPayloadBytes = DeviceOptions.MinMaxPayloadBytes;

        /// <summary>One connection is all a case needs.</summary>
        private const int Clients = 1;

        /// <summary>Default options for the cases: one client, the smallest payload limit, no token.</summary>
        /// <returns>Options to adjust before <see cref="Start"/>.</returns>
        public static DeviceOptions Options()
        {
            DeviceOptions options = new DeviceOptions();
            options.DeviceName = DeviceName;
            options.MaxPayloadBytes = MaxPayloadBytes;
            options.MaxClients = Clients;
            return options;
        }

        /// <summary>Creates the board and the server.</summary>
        /// <param name="options">The server's options.</param>
        /// <returns>The device.</returns>
        public static TestDevice Start(DeviceOptions options) => new TestDevice(options);

        private TestDevice(DeviceOptions options)
        {
            Board = new FakeBoard(Esp32DevKitBoard.Create());
            Server = new DeviceServer(Board.Services, options, new SilentLog());
        }

        /// <summary>The fake board's pins.</summary>
        public FakeBoard Board { get; }

        /// <summary>The server under test.</summary>
        public DeviceServer Server { get; }

        /// <summary>Serves <paramref name="transport"/> until its script runs out, checks that the connection was
        /// served and closed, stops the server, and parses what was sent.</summary>
        /// <param name="transport">The scripted connection.</param>
        /// <returns>The frames the device sent.</returns>
        public SentFrames Serve(ScriptedTransport transport)
        {
            try
            {
                Check.True(Server.ServeConnection(transport), "ServeConnection served the connection");
            }
            finally
            {
                Server.Stop();
            }

            Check.True(transport.ReportedClosed, "the session read until the peer closed");
            Check.True(transport.CloseCount >= 1, "the server closed the connection");
            Check.Equal(0, Server.ActiveSessions, "ActiveSessions after the connection");
            return new SentFrames(transport);
        }

        /// <summary>Serves <paramref name="stream"/> as one received chunk.</summary>
        /// <param name="stream">What the client sends.</param>
        /// <returns>The frames the device sent.</returns>
        public SentFrames ServeOneChunk(RequestScript stream) => Serve(new ScriptedTransport().Chunk(stream.ToArray()));
    }
}
