using System;
using System.IO;

namespace NanoTlv.Client
{
    /// <summary>
    /// The connection to the device could not be made or was lost. Every request in flight at that moment
    /// fails with this exception.
    /// </summary>
    public sealed class DeviceConnectionException : IOException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What happened.</param>
        public DeviceConnectionException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with its cause.</summary>
        /// <param name="message">What happened.</param>
        /// <param name="innerException">The socket error behind it.</param>
        public DeviceConnectionException(string message, Exception? innerException)
            : base(message, innerException)
        {
        }
    }
}
