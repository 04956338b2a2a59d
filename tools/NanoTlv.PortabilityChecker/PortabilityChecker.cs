using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace NanoTlv.Portability;

/// <summary>
/// Checks compiled assemblies against what nanoFramework's interpreter (nanoCLR) can run: no generics,
/// no multidimensional arrays, no pointers or stackalloc, no unsupported or overflow-checked opcodes,
/// at most 255 methods of each kind per type, only mscorlib plus allowed assembly references, and no
/// namespace that nanoFramework's MetadataProcessor mishandles (sorting after System.Runtime.CompilerServices).
/// </summary>
/// <param name="options">The allow-list and resolution settings.</param>
public sealed class PortabilityChecker(PortabilityCheckerOptions options)
{
    private readonly AssemblyAllowList _allowList = new(options.AllowedAssemblies);

    /// <summary>Initializes a new instance of the <see cref="PortabilityChecker"/> class with default options.</summary>
    public PortabilityChecker()
        : this(new PortabilityCheckerOptions())
    {
    }

    /// <summary>Checks assembly files; each file is named by its file name in violations.</summary>
    /// <param name="paths">The assemblies to check.</param>
    /// <returns>The combined result.</returns>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="BadImageFormatException">A file is not a .NET assembly.</exception>
    public CheckResult CheckFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var fullPaths = paths.Select(Path.GetFullPath).ToList();
        var directories = fullPaths.Select(p => Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal);
        using var resolver = CreateResolver(directories);
        var result = Empty;
        foreach (var path in fullPaths)
        {
            using var assembly = AssemblyDefinition.ReadAssembly(path, ReaderFor(resolver));
            result = result.Add(AssemblyInspector.Inspect(assembly, Path.GetFileName(path), _allowList));
        }

        return result;
    }

    /// <summary>Checks an assembly image held in a stream.</summary>
    /// <param name="image">The assembly image; it must be seekable.</param>
    /// <param name="displayName">How violations name the assembly, e.g. <c>Foo.dll</c>.</param>
    /// <returns>The result for this assembly.</returns>
    /// <exception cref="BadImageFormatException">The stream does not hold a .NET assembly.</exception>
    public CheckResult Check(Stream image, string displayName)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrEmpty(displayName);
        using var resolver = CreateResolver([]);
        using var assembly = AssemblyDefinition.ReadAssembly(image, ReaderFor(resolver));
        return AssemblyInspector.Inspect(assembly, displayName, _allowList);
    }

    private static CheckResult Empty => new(0, 0, 0, [], []);

    private static ReaderParameters ReaderFor(IAssemblyResolver resolver) =>
        new() { AssemblyResolver = resolver, ReadingMode = ReadingMode.Deferred };

    private NanoFrameworkAssemblyResolver CreateResolver(IEnumerable<string> inputDirectories) =>
        new(options.MscorlibPath, inputDirectories.Concat(options.ReferenceDirectories));
}
