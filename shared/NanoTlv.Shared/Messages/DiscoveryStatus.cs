namespace NanoTlv.Messages
{
    /// <summary>What reading a discovery datagram found: <see cref="Ok"/> or why it is not one of ours.</summary>
    public enum DiscoveryStatus
    {
        /// <summary>A well-formed datagram of the expected kind.</summary>
        Ok = 0,

        /// <summary>Larger than any discovery datagram (<see cref="DiscoveryFormat.MaxDatagramBytes"/>).</summary>
        Oversize = 1,

        /// <summary>Shorter than its frame header or its declared length, or too short for its kind.</summary>
        Truncated = 2,

        /// <summary>Not a frame: no 0x72 marker, or bytes after the frame.</summary>
        NotAFrame = 3,

        /// <summary>A frame of another discovery version.</summary>
        UnsupportedVersion = 4,

        /// <summary>A frame whose kind is not the one expected (a board's DISCOVER port also hears other boards'
        /// announcements).</summary>
        WrongKind = 5,

        /// <summary>The right kind, but a field is invalid: length not matching the name, reserved flags set,
        /// a name that is not printable ASCII.</summary>
        BadField = 6,
    }
}
