using System.Collections.Generic;

namespace NanoTlv.Portability;

/// <summary>The parsed command line of the checker.</summary>
/// <param name="Assemblies">The assembly files to check.</param>
/// <param name="AllowedAssemblies">The names given with <c>--allow</c>.</param>
/// <param name="ShowHelp">Whether <c>--help</c> was given.</param>
/// <param name="Error">Why the command line is invalid, or null when it is valid.</param>
public sealed record CommandLineArguments(
    IReadOnlyList<string> Assemblies,
    IReadOnlyList<string> AllowedAssemblies,
    bool ShowHelp,
    string? Error)
{
    /// <summary>Parses <c>[--allow AssemblyName]... &lt;assembly.dll&gt;...</c>.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The parsed arguments; <see cref="Error"/> is set when they are invalid.</returns>
    public static CommandLineArguments Parse(IReadOnlyList<string> args)
    {
        System.ArgumentNullException.ThrowIfNull(args);
        var assemblies = new List<string>();
        var allowed = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    return new CommandLineArguments(assemblies, allowed, ShowHelp: true, Error: null);
                case "--allow":
                    if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
                    {
                        return Invalid("--allow needs an assembly name");
                    }

                    allowed.Add(args[++i]);
                    break;
                case var option when option.StartsWith('-'):
                    return Invalid($"unknown option {option}");
                default:
                    assemblies.Add(args[i]);
                    break;
            }
        }

        return assemblies.Count == 0
            ? Invalid("no assembly given")
            : new CommandLineArguments(assemblies, allowed, ShowHelp: false, Error: null);

        CommandLineArguments Invalid(string error) => new(assemblies, allowed, ShowHelp: false, error);
    }
}
