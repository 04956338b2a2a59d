namespace NanoTlv.Cli.Harness
{
    /// <summary>Progress of a harness run: PING replies verified so far out of all PING requests of the run.</summary>
    /// <param name="Strategy">The strategy running now.</param>
    /// <param name="Verified">PING replies verified so far, all strategies.</param>
    /// <param name="Total">PING requests in the whole run.</param>
    public sealed record HarnessProgress(string Strategy, int Verified, int Total);
}
