namespace NanoTlv.Bridge
{
    /// <summary>One Home Assistant discovery message: published retained on <paramref name="Topic"/>.</summary>
    /// <param name="Topic"><c>&lt;discovery-prefix&gt;/&lt;component&gt;/&lt;board-id&gt;_&lt;thing&gt;/config</c>.</param>
    /// <param name="Json">The config document.</param>
    public sealed record DiscoveryConfig(string Topic, string Json);
}
