using System;
using System.Collections.Generic;
using System.Linq;

namespace NanoTlv.Portability;

/// <summary>Decides which assembly references device code may have: mscorlib plus the allowed names.</summary>
internal sealed class AssemblyAllowList
{
    private const string CoreLibraryName = "mscorlib";

    private readonly HashSet<string> _exactNames = new(StringComparer.OrdinalIgnoreCase) { CoreLibraryName };
    private readonly List<string> _prefixes = [];

    public AssemblyAllowList(IEnumerable<string> allowed)
    {
        foreach (var entry in allowed)
        {
            if (entry.EndsWith('*'))
            {
                _prefixes.Add(entry[..^1]);
            }
            else
            {
                _exactNames.Add(entry);
            }
        }
    }

    public bool Allows(string assemblyName) =>
        _exactNames.Contains(assemblyName)
        || _prefixes.Any(prefix => assemblyName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
