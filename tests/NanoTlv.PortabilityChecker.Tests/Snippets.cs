using System.Collections.Generic;
using System.IO;

namespace NanoTlv.Portability.Tests;

/// <summary>Runs the checker on snippet images.</summary>
internal static class Snippets
{
    /// <summary>The assembly name of offending snippets.</summary>
    public const string AssemblyName = "Offending";

    /// <summary>How the checker names a snippet assembly in violations.</summary>
    public const string DisplayName = AssemblyName + ".dll";

    /// <summary>Checks an assembly image.</summary>
    /// <param name="image">The image.</param>
    /// <param name="allowed">Assemblies the image may reference besides mscorlib.</param>
    /// <returns>The checker's result.</returns>
    public static CheckResult Check(byte[] image, params IReadOnlyCollection<string> allowed)
    {
        var checker = new PortabilityChecker(new PortabilityCheckerOptions { AllowedAssemblies = allowed });
        using var stream = new MemoryStream(image);
        return checker.Check(stream, DisplayName);
    }

    /// <summary>Compiles a snippet against nanoFramework's mscorlib and checks it.</summary>
    /// <param name="source">The C# source.</param>
    /// <returns>The checker's result.</returns>
    public static CheckResult CompileAndCheck(string source) => Check(SnippetCompiler.Compile(source));
}
