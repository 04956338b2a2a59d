using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NanoTlv.Messages;

namespace NanoTlv.Testing
{
    /// <summary>
    /// A device on a free loopback port whose replies a test writes: HELLO is answered OK (name "scripted", no token),
    /// every other request by <c>answer(opcode, arguments)</c>. Records the requests it received. For replies the
    /// firmware core never sends (other CAPS contents, older firmware); one connection at a time; stops on dispose.
    /// </summary>
    public sealed class ScriptedDevice : IDisposable
    {
        private static readonly byte[] HelloData = Convert.FromHexString("01" + "0400" + "00000020" + "010000" + "01" + "08" + "7363726970746564");

        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Func<Opcode, byte[], (StatusCode Status, byte[] Data)> _answer;
        private readonly Task _serving;

        /// <summary>Starts listening on 127.0.0.1, a free port.</summary>
        /// <param name="answer">The status and data of the reply to each request but HELLO.</param>
        public ScriptedDevice(Func<Opcode, byte[], (StatusCode Status, byte[] Data)> answer)
        {
            _answer = answer;
            _listener.Start();
            _serving = Task.Run(ServeAsync);
        }

        /// <summary>"127.0.0.1:port".</summary>
        public string Address => "127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>Every request after HELLO: opcode and argument bytes, in arrival order.</summary>
        public ConcurrentQueue<(Opcode Opcode, byte[] Arguments)> Requests { get; } = new();

        /// <summary>The listening port.</summary>
        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>tlvctl arguments with --device pointing here.</summary>
        /// <param name="args">The command line before --device.</param>
        /// <returns>The arguments.</returns>
        public string[] Args(params string[] args) => [.. args, "--device", Address];

        /// <inheritdoc/>
        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _serving.Wait(TimeSpan.FromSeconds(5));
            _stop.Dispose();
        }

        private async Task ServeAsync()
        {
            try
            {
                while (true)
                {
                    using TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    NetworkStream stream = client.GetStream();
                    var header = new byte[3];
                    while (await TryReadAsync(stream, header))
                    {
                        var payload = new byte[(header[1] << 8) | header[2]];
                        if (!await TryReadAsync(stream, payload))
                        {
                            break;
                        }

                        var opcode = (Opcode)payload[0];
                        ushort id = Wire.IdOf(payload);
                        byte[] arguments = payload[MessageHeader.RequestHeaderBytes..];
                        (StatusCode status, byte[] data) = opcode == Opcode.Hello ? (StatusCode.Ok, HelloData) : _answer(opcode, arguments);
                        if (opcode != Opcode.Hello)
                        {
                            Requests.Enqueue((opcode, arguments));
                        }

                        await stream.WriteAsync(Hex.Frame(Wire.Reply(opcode, id, status, data)), _stop.Token);
                    }
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or System.IO.IOException)
            {
                // Stopped, or the client went away while the test ended.
            }
        }

        private async Task<bool> TryReadAsync(NetworkStream stream, byte[] buffer)
        {
            try
            {
                await stream.ReadExactlyAsync(buffer, _stop.Token);
                return true;
            }
            catch (System.IO.EndOfStreamException)
            {
                return false;
            }
        }
    }
}
