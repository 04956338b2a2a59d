using System;
using System.Collections.Generic;
using System.IO;

namespace NanoTlv.Portability;

/// <summary>Settings of a <see cref="PortabilityChecker"/>.</summary>
public sealed class PortabilityCheckerOptions
{
    /// <summary>
    /// Gets the assemblies that device code may reference besides mscorlib. An entry ending in
    /// <c>*</c> allows every assembly whose name starts with what precedes it (e.g. <c>NanoTlv.*</c>).
    /// </summary>
    public IReadOnlyCollection<string> AllowedAssemblies { get; init; } = [];

    /// <summary>
    /// Gets extra folders searched for referenced assemblies when attribute arguments must be decoded.
    /// The folders of the checked files are always searched.
    /// </summary>
    public IReadOnlyCollection<string> ReferenceDirectories { get; init; } = [];

    /// <summary>
    /// Gets the path of nanoFramework's mscorlib.dll, used to resolve mscorlib types. Defaults to the
    /// copy shipped beside the checker (<c>nanoFramework/mscorlib.dll</c>).
    /// </summary>
    public string MscorlibPath { get; init; } =
        Path.Combine(AppContext.BaseDirectory, "nanoFramework", "mscorlib.dll");
}
