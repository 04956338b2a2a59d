namespace NanoTlv.Firmware.Discovery
{
    /// <summary>
    /// What the discovery responder did since it started. Written by the responder's thread only; other threads may
    /// read (each value is one int, read whole).
    /// </summary>
    public sealed class DiscoveryCounters
    {
        /// <summary>Announcements broadcast on the timer.</summary>
        public int AnnouncementsSent { get; internal set; }

        /// <summary>DISCOVER requests answered.</summary>
        public int RequestsAnswered { get; internal set; }

        /// <summary>Datagrams ignored because they were larger than any discovery datagram.</summary>
        public int Oversize { get; internal set; }

        /// <summary>Datagrams ignored because they were cut short (header, declared length or fields missing).</summary>
        public int Truncated { get; internal set; }

        /// <summary>Datagrams ignored because they were no discovery frame at all (foreign traffic, garbage).</summary>
        public int Foreign { get; internal set; }

        /// <summary>Discovery frames ignored for their kind (other boards' announcements), version or fields.</summary>
        public int NotARequest { get; internal set; }

        /// <summary>Sends (announcement or answer) the socket refused; the responder carries on.</summary>
        public int SendFailures { get; internal set; }

        /// <summary>Receives that failed; the responder carries on.</summary>
        public int ReceiveFailures { get; internal set; }

        /// <summary>Every datagram ignored, whatever the reason.</summary>
        public int Ignored => Oversize + Truncated + Foreign + NotARequest;
    }
}
