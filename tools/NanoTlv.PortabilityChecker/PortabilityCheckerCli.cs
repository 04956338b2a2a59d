using System;
using System.IO;
using System.Linq;

namespace NanoTlv.Portability;

/// <summary>The command-line front end: prints one line per violation and a summary line.</summary>
public static class PortabilityCheckerCli
{
    /// <summary>Exit code when every assembly is portable.</summary>
    public const int Clean = 0;

    /// <summary>Exit code when at least one violation was found.</summary>
    public const int ViolationsFound = 1;

    /// <summary>Exit code for a usage error: bad arguments, missing file, not an assembly.</summary>
    public const int UsageError = 2;

    /// <summary>The usage text.</summary>
    public const string Usage =
        "usage: NanoTlv.PortabilityChecker [--allow AssemblyName]... <assembly.dll>...\n"
        + "  --allow NAME  the checked assemblies may reference NAME besides mscorlib; NAME may end in * (e.g. NanoTlv.*)\n"
        + "exit codes: 0 no violations, 1 violations found, 2 usage error";

    /// <summary>Runs the checker on a command line.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Receives the violations and the summary.</param>
    /// <param name="error">Receives usage errors and warnings.</param>
    /// <returns>The exit code: <see cref="Clean"/>, <see cref="ViolationsFound"/> or <see cref="UsageError"/>.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var arguments = CommandLineArguments.Parse(args);
        if (arguments.ShowHelp)
        {
            output.WriteLine(Usage);
            return Clean;
        }

        if (arguments.Error is not null)
        {
            return Fail(error, arguments.Error);
        }

        var missing = arguments.Assemblies.FirstOrDefault(path => !File.Exists(path));
        if (missing is not null)
        {
            return Fail(error, $"file not found: {missing}");
        }

        CheckResult result;
        try
        {
            var checker = new PortabilityChecker(new PortabilityCheckerOptions { AllowedAssemblies = arguments.AllowedAssemblies });
            result = checker.CheckFiles(arguments.Assemblies);
        }
        catch (BadImageFormatException exception)
        {
            return Fail(error, $"not a .NET assembly: {exception.Message}");
        }

        foreach (var warning in result.Warnings)
        {
            error.WriteLine($"warning: {warning}");
        }

        foreach (var violation in result.Violations)
        {
            output.WriteLine(violation);
        }

        output.WriteLine(result.Summary);
        return result.IsClean ? Clean : ViolationsFound;
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        error.WriteLine(Usage);
        return UsageError;
    }
}
