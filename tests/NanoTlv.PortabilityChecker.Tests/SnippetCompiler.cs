using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NanoTlv.Portability.Tests;

/// <summary>
/// Compiles C# snippets in memory: against nanoFramework's mscorlib, as device code is built, or against
/// .NET's core library for constructs that nanoFramework's mscorlib cannot even express (List&lt;T&gt;,
/// Span&lt;T&gt;, iterators) but that a device assembly built the wrong way could contain.
/// </summary>
internal static class SnippetCompiler
{
    private static readonly MetadataReference NanoMscorlib = MetadataReference.CreateFromFile(BuildSettings.MscorlibPath);

    private static readonly MetadataReference DotNetCoreLibrary = MetadataReference.CreateFromFile(typeof(object).Assembly.Location);

    /// <summary>Compiles a snippet against nanoFramework's mscorlib into a library image.</summary>
    /// <param name="source">The C# source.</param>
    /// <param name="assemblyName">The assembly name.</param>
    /// <param name="references">Further assembly images to reference besides mscorlib.</param>
    /// <returns>The assembly image.</returns>
    public static byte[] Compile(string source, string assemblyName = Snippets.AssemblyName, params byte[][] references) =>
        Emit(CreateCompilation(source, assemblyName, [NanoMscorlib, .. references.Select(image => MetadataReference.CreateFromImage(image))]));

    /// <summary>Compiles a snippet against nanoFramework's mscorlib with a given C# language version.</summary>
    /// <param name="source">The C# source.</param>
    /// <param name="languageVersion">The language version, e.g. C# 10, which embeds no RefSafetyRulesAttribute.</param>
    /// <returns>The assembly image.</returns>
    public static byte[] Compile(string source, LanguageVersion languageVersion) =>
        Emit(CreateCompilation(source, Snippets.AssemblyName, [NanoMscorlib], languageVersion));

    /// <summary>Compiles a snippet against .NET's core library (System.Private.CoreLib) into a library image.</summary>
    /// <param name="source">The C# source.</param>
    /// <returns>The assembly image.</returns>
    public static byte[] CompileAgainstDotNet(string source) =>
        Emit(CreateCompilation(source, Snippets.AssemblyName, [DotNetCoreLibrary]));

    /// <summary>Gets the compiler errors of a snippet compiled against nanoFramework's mscorlib.</summary>
    /// <param name="source">The C# source.</param>
    /// <returns>The ids of the errors, e.g. CS0518, including those reported only when emitting.</returns>
    public static IReadOnlyList<string> Errors(string source)
    {
        using var image = new MemoryStream();
        return CreateCompilation(source, "NotCompiled", [NanoMscorlib]).Emit(image).Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Id)
            .ToList();
    }

    private static CSharpCompilation CreateCompilation(
        string source,
        string assemblyName,
        IEnumerable<MetadataReference> references,
        LanguageVersion languageVersion = LanguageVersion.Latest) =>
        CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(languageVersion))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));

    private static byte[] Emit(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException(
                "snippet does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        return image.ToArray();
    }
}
