using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NanoTlv.Benchmarks.Device;

namespace NanoTlv.Benchmarks.Dispatch;

/// <summary>
/// One command through the whole device path, on a virtual ESP32 DevKit, without sockets: an in-memory
/// connection (<see cref="RepeatingRequestTransport"/>) served by <see cref="NanoTlv.Firmware.DeviceServer.ServeConnection"/>
/// delivers each request frame as its own chunk, and the session extracts it, dispatches it, runs the handler
/// against the virtual drivers and sends the reply (one receive and one send per request, as a client that waits
/// for each reply causes). One operation is one request; an invocation is one connection of
/// <see cref="RequestsPerConnection"/> requests (<see cref="SensorRequestsPerConnection"/> for the BME280, whose
/// forced conversion waits about 8 ms), so opening and closing the connection (<see cref="EmptyConnection"/>) is
/// spread over them. Every invocation checks that every reply byte came back; the replies themselves are checked
/// once, in the setup.
/// </summary>
[MemoryDiagnoser]
public class CommandDispatchBenchmarks
{
    /// <summary>Requests per connection for the fast commands.</summary>
    public const int RequestsPerConnection = 1024;

    /// <summary>Requests per connection for SENSOR_READ bme280.</summary>
    public const int SensorRequestsPerConnection = 8;

    private const int VerifiedRequests = 4;

    private readonly Dictionary<string, RepeatingRequestTransport> _connections = new();
    private BenchmarkDevice _device = null!;
    private RepeatingRequestTransport _empty = null!;

    [GlobalSetup]
    public void Setup()
    {
        _device = BenchmarkDevice.Start();
        foreach (DeviceCommand command in DeviceCommands.Timed)
        {
            _device.ServeAndVerify(command, VerifiedRequests);
            _connections[command.Key] = _device.Connection(command, DeviceCommands.IsSlow(command) ? SensorRequestsPerConnection : RequestsPerConnection);
        }

        _empty = _device.Connection(DeviceCommands.Ping, 0);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _device.ThrowIfErrorsLogged();
        _device.Dispose();
    }

    /// <summary>Opening and closing a connection with no request: the fixed cost spread over the others.</summary>
    [Benchmark]
    public long EmptyConnection() => Serve(_empty);

    [Benchmark(OperationsPerInvoke = RequestsPerConnection)]
    public long Ping() => Serve(_connections[nameof(Ping)]);

    [Benchmark(OperationsPerInvoke = RequestsPerConnection)]
    public long Info() => Serve(_connections[nameof(Info)]);

    [Benchmark(OperationsPerInvoke = RequestsPerConnection)]
    public long Caps() => Serve(_connections[nameof(Caps)]);

    [Benchmark(OperationsPerInvoke = RequestsPerConnection)]
    public long DigitalWrite() => Serve(_connections[nameof(DigitalWrite)]);

    [Benchmark(OperationsPerInvoke = RequestsPerConnection)]
    public long DigitalRead() => Serve(_connections[nameof(DigitalRead)]);

    [Benchmark(OperationsPerInvoke = RequestsPerConnection)]
    public long DigitalToggle() => Serve(_connections[nameof(DigitalToggle)]);

    [Benchmark(OperationsPerInvoke = RequestsPerConnection)]
    public long AnalogRead() => Serve(_connections[nameof(AnalogRead)]);

    [Benchmark(OperationsPerInvoke = RequestsPerConnection)]
    public long PwmSet() => Serve(_connections[nameof(PwmSet)]);

    [Benchmark(OperationsPerInvoke = RequestsPerConnection)]
    public long I2cRead() => Serve(_connections[nameof(I2cRead)]);

    [Benchmark(OperationsPerInvoke = SensorRequestsPerConnection)]
    public long SensorReadBme280() => Serve(_connections[nameof(SensorReadBme280)]);

    private long Serve(RepeatingRequestTransport connection)
    {
        _device.Serve(connection);
        return connection.SentBytes;
    }
}
