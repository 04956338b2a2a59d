namespace NanoTlv.Firmware.Session
{
    /// <summary>Why a session ended.</summary>
    internal enum SessionEndReason
    {
        /// <summary>The peer closed the connection.</summary>
        PeerClosed = 0,

        /// <summary>A started frame did not complete within the receive timeout.</summary>
        ReceiveTimeout = 1,

        /// <summary>No request arrived within the idle timeout.</summary>
        IdleTimeout = 2,

        /// <summary>The transport failed (receive or send threw) or the session hit an unexpected error.</summary>
        Failed = 3,

        /// <summary>The server is stopping.</summary>
        Stopped = 4,

        /// <summary>A token is configured and the connection did not authenticate within the authentication timeout.</summary>
        AuthenticationTimeout = 5,

        /// <summary>The connection presented too many wrong tokens.</summary>
        AuthenticationFailed = 6,
    }
}
