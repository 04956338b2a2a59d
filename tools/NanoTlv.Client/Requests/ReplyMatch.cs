namespace NanoTlv.Client
{
    /// <summary>How a reply relates to the requests in flight.</summary>
    internal enum ReplyMatch
    {
        /// <summary>It answers the oldest request still waiting.</summary>
        InOrder,

        /// <summary>It answers a waiting request, but earlier requests still wait: the device broke the order.</summary>
        OutOfOrder,

        /// <summary>It answers a request whose caller already gave up.</summary>
        Late,

        /// <summary>Its id is in flight but its opcode is not the request's.</summary>
        OpcodeMismatch,

        /// <summary>No request with its id is in flight.</summary>
        UnknownId,
    }
}
