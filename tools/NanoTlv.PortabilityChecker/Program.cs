using System;

namespace NanoTlv.Portability;

/// <summary>The console entry point.</summary>
public static class Program
{
    /// <summary>Checks the assemblies named on the command line; see <see cref="PortabilityCheckerCli.Usage"/>.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args) => PortabilityCheckerCli.Run(args, Console.Out, Console.Error);
}
