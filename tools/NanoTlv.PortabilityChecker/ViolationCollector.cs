using System.Collections.Generic;

namespace NanoTlv.Portability;

/// <summary>Gathers the violations and warnings of one assembly, dropping exact duplicates.</summary>
internal sealed class ViolationCollector(string assembly)
{
    private readonly HashSet<Violation> seen = [];
    private readonly List<Violation> violations = [];
    private readonly List<string> warnings = [];

    public string Assembly { get; } = assembly;

    public IReadOnlyList<Violation> Violations => violations;

    public IReadOnlyList<string> Warnings => warnings;

    public void Add(Violation violation)
    {
        if (seen.Add(violation))
        {
            violations.Add(violation);
        }
    }

    public void Warn(string message) => warnings.Add($"{Assembly}: {message}");
}
