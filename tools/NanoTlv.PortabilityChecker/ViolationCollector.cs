using System.Collections.Generic;

namespace NanoTlv.Portability;

/// <summary>Gathers the violations and warnings of one assembly, dropping exact duplicates.</summary>
internal sealed class ViolationCollector(string assembly)
{
    private readonly HashSet<Violation> _seen = [];
    private readonly List<Violation> _violations = [];
    private readonly List<string> _warnings = [];

    public string Assembly { get; } = assembly;

    public IReadOnlyList<Violation> Violations => _violations;

    public IReadOnlyList<string> Warnings => _warnings;

    public void Add(Violation violation)
    {
        if (_seen.Add(violation))
        {
            _violations.Add(violation);
        }
    }

    public void Warn(string message) => _warnings.Add($"{Assembly}: {message}");
}
