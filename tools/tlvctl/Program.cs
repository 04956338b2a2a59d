using System;
using System.Threading.Tasks;
using NanoTlv.Cli;

// tlvctl: see CliApp and README.md.
return await CliApp.RunAsync(
    args,
    new CliIo(Console.Out, Console.Error, !Console.IsOutputRedirected, Environment.GetEnvironmentVariable, HandleProcessTermination: true) { Input = Console.In }).ConfigureAwait(false);
