using System.Collections.Generic;

namespace NanoTlv.Portability;

/// <summary>What the checker found in one or more assemblies.</summary>
/// <param name="AssemblyCount">How many assemblies were checked.</param>
/// <param name="TypeCount">How many types were checked (the <c>&lt;Module&gt;</c> type excluded).</param>
/// <param name="MethodCount">How many methods were checked.</param>
/// <param name="Violations">The rule violations, in discovery order, without duplicates.</param>
/// <param name="Warnings">Things that could not be checked (e.g. undecodable attribute arguments).</param>
public sealed record CheckResult(
    int AssemblyCount,
    int TypeCount,
    int MethodCount,
    IReadOnlyList<Violation> Violations,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Gets a value indicating whether no violation was found.</summary>
    public bool IsClean => Violations.Count == 0;

    /// <summary>Gets the summary line, e.g. <c>checked 1 assemblies, 3 types, 9 methods: 0 violations</c>.</summary>
    public string Summary =>
        $"checked {AssemblyCount} assemblies, {TypeCount} types, {MethodCount} methods: {Violations.Count} violations";

    /// <summary>Combines this result with another one.</summary>
    /// <param name="other">The result to add.</param>
    /// <returns>A result holding the counts, violations and warnings of both.</returns>
    public CheckResult Add(CheckResult other)
    {
        System.ArgumentNullException.ThrowIfNull(other);
        return new CheckResult(
            AssemblyCount + other.AssemblyCount,
            TypeCount + other.TypeCount,
            MethodCount + other.MethodCount,
            [.. Violations, .. other.Violations],
            [.. Warnings, .. other.Warnings]);
    }
}
