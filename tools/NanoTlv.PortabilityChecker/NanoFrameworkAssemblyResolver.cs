using System;
using System.Collections.Generic;
using System.IO;
using Mono.Cecil;

namespace NanoTlv.Portability;

/// <summary>
/// Resolves mscorlib to nanoFramework's own mscorlib and other assemblies from given folders, so that
/// Cecil can decode attribute arguments of enum types defined in referenced assemblies.
/// </summary>
internal sealed class NanoFrameworkAssemblyResolver : DefaultAssemblyResolver
{
    private readonly string _mscorlibPath;
    private AssemblyDefinition? _mscorlib;

    public NanoFrameworkAssemblyResolver(string mscorlibPath, IEnumerable<string> searchDirectories)
    {
        _mscorlibPath = mscorlibPath;
        RemoveSearchDirectory(".");
        RemoveSearchDirectory("bin");
        foreach (var directory in searchDirectories)
        {
            AddSearchDirectory(directory);
        }
    }

    public override AssemblyDefinition Resolve(AssemblyNameReference name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.Equals(name.Name, "mscorlib", StringComparison.OrdinalIgnoreCase) && File.Exists(_mscorlibPath))
        {
            return _mscorlib ??= AssemblyDefinition.ReadAssembly(
                _mscorlibPath,
                new ReaderParameters { AssemblyResolver = this });
        }

        return base.Resolve(name);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _mscorlib?.Dispose();
            _mscorlib = null;
        }

        base.Dispose(disposing);
    }
}
