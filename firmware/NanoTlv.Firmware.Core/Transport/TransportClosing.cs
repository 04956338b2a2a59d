using System;

namespace NanoTlv.Firmware.Transport
{
    /// <summary>Closing a connection the device is giving up on.</summary>
    internal static class TransportClosing
    {
        /// <summary>Closes <paramref name="transport"/>, ignoring a failure: the connection is over either way.</summary>
        /// <param name="transport">The connection.</param>
        public static void CloseQuietly(ITransport transport)
        {
            try
            {
                transport.Close();
            }
            catch (Exception)
            {
                // Best effort.
            }
        }
    }
}
