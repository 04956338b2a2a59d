using System.Collections.Generic;

namespace NanoTlv.Client.Discovery
{
    /// <summary>What one discovery round found.</summary>
    /// <param name="Boards">Each board once, in the order they answered.</param>
    /// <param name="IgnoredDatagrams">Datagrams received that were not a valid ANNOUNCE.</param>
    public sealed record DiscoveryResult(IReadOnlyList<DiscoveredBoard> Boards, int IgnoredDatagrams);
}
