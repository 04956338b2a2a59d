using System;
using System.Threading.Tasks;
using NanoTlv.Testing;

namespace NanoTlv.Client.Tests.Integration
{
    /// <summary>Connects the client library to a <see cref="RunningDevice"/>.</summary>
    public static class RunningDeviceClients
    {
        /// <summary>A <see cref="TlvClient"/> connected to the device (requests time out after 5 s unless
        /// <paramref name="options"/> say otherwise).</summary>
        public static Task<TlvClient> ConnectAsync(this RunningDevice device, TlvClientOptions? options = null) =>
            TlvClient.ConnectAsync("127.0.0.1", device.Port, options ?? new TlvClientOptions { RequestTimeout = TimeSpan.FromSeconds(5) });
    }
}
