namespace NanoTlv.Cli.Demo
{
    /// <summary>One step of the demo and how it went.</summary>
    /// <param name="Name">Short name.</param>
    /// <param name="Passed">True when its checks held.</param>
    /// <param name="Detail">What happened.</param>
    public sealed record DemoStep(string Name, bool Passed, string Detail);
}
