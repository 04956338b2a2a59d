namespace NanoTlv.Firmware.Transport
{
    /// <summary>Accepts connections for the server (a listening socket on device and host).</summary>
    public interface ITransportListener
    {
        /// <summary>Blocks until a client connects.</summary>
        /// <returns>The new connection.</returns>
        /// <exception cref="System.Exception">The listener was closed or failed.</exception>
        ITransport Accept();

        /// <summary>Stops listening; a blocked <see cref="Accept"/> throws.</summary>
        void Close();
    }
}
