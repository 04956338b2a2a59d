using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NanoTlv.Firmware.Board;
using NanoTlv.VirtualDevice;
using Xunit;

namespace NanoTlv.Firmware.Tests.Support;

/// <summary>
/// A <see cref="DeviceServer"/> on a <see cref="TestBoard"/>. <see cref="Exchange"/> serves one connection on
/// the test's thread from scripted chunks; <see cref="Connect"/> serves one on a background thread through a
/// <see cref="PipeTransport"/>. Dispose stops the server and checks every session thread ended.
/// </summary>
public sealed class TestDevice : IDisposable
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(10);
    private readonly List<Thread> _sessions = new();

    public TestDevice(Action<DeviceOptions>? configure = null, BoardDescription? description = null)
    {
        Board = TestBoard.Create(description ?? TestBoard.CreateDescription());
        Options = new DeviceOptions { DeviceName = "test-device", FirmwareMajor = 1, FirmwareMinor = 2, FirmwarePatch = 3 };
        configure?.Invoke(Options);
        Log = new TestLog();
        Server = new DeviceServer(Board.Services, Options, Log);
    }

    public VirtualBoard Board { get; }

    public DeviceOptions Options { get; }

    public DeviceServer Server { get; }

    public TestLog Log { get; }

    /// <summary>Serves one connection on this thread: each request payload (hex) arrives as its own chunk,
    /// then the client closes. Returns every payload the device sent.</summary>
    public List<byte[]> Exchange(params string[] requestPayloads) =>
        Serve(requestPayloads.Select(Hex.FrameOf).ToArray()).Frames;

    /// <summary>The device's replies as hex, one string per frame.</summary>
    public List<string> ExchangeHex(params string[] requestPayloads) =>
        Exchange(requestPayloads).Select(payload => Hex.Format(payload)).ToList();

    /// <summary>The reply to the last of <paramref name="requestPayloads"/> (the earlier ones set the scene).</summary>
    public string LastReply(params string[] requestPayloads) => ExchangeHex(requestPayloads)[^1];

    public ScriptedTransport Serve(params byte[][] chunks)
    {
        var transport = new ScriptedTransport(chunks);
        Assert.True(Server.ServeConnection(transport));
        Assert.True(transport.IsClosed);
        return transport;
    }

    public PipeTransport Connect()
    {
        var pipe = new PipeTransport();
        var thread = new Thread(() => Server.ServeConnection(pipe)) { IsBackground = true, Name = "test session" };
        lock (_sessions)
        {
            _sessions.Add(thread);
        }

        thread.Start();
        return pipe;
    }

    public void Dispose()
    {
        Server.Stop();
        lock (_sessions)
        {
            foreach (Thread thread in _sessions)
            {
                Assert.True(thread.Join(JoinTimeout), "A session thread did not end after Stop.");
            }
        }

        Board.Dispose();
    }
}
