namespace NanoTlv.Dashboard.Boards
{
    /// <summary>How the dashboard's connection to one board stands.</summary>
    public enum ConnectionState
    {
        /// <summary>Connecting, saying HELLO and setting up the pins.</summary>
        Connecting,

        /// <summary>Connected and set up; events arrive.</summary>
        Connected,

        /// <summary>Away: the last attempt failed or the connection was lost; the next attempt is scheduled.</summary>
        Disconnected,
    }
}
