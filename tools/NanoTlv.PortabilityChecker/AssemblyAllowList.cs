using System;
using System.Collections.Generic;
using System.Linq;

namespace NanoTlv.Portability;

/// <summary>Decides which assembly references device code may have: mscorlib plus the allowed names.</summary>
internal sealed class AssemblyAllowList
{
    private const string CoreLibraryName = "mscorlib";

    private readonly HashSet<string> exactNames = new(StringComparer.OrdinalIgnoreCase) { CoreLibraryName };
    private readonly List<string> prefixes = [];

    public AssemblyAllowList(IEnumerable<string> allowed)
    {
        foreach (var entry in allowed)
        {
            if (entry.EndsWith('*'))
            {
                prefixes.Add(entry[..^1]);
            }
            else
            {
                exactNames.Add(entry);
            }
        }
    }

    public bool Allows(string assemblyName) =>
        exactNames.Contains(assemblyName)
        || prefixes.Any(prefix => assemblyName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
