using System.Linq;
using Xunit;

namespace NanoTlv.Portability.Tests;

/// <summary>Assertions that a result holds a violation at an exact place.</summary>
internal static class ViolationAssert
{
    /// <summary>Asserts that exactly one violation of a rule names the snippet assembly, the type and the method.</summary>
    /// <param name="result">The checker's result.</param>
    /// <param name="rule">The rule expected to be broken.</param>
    /// <param name="type">The full name of the offending type.</param>
    /// <param name="method">The offending method as <c>Name(Parameters)</c>, or null for a type-level violation.</param>
    /// <param name="reasonPart">Text the reason must contain.</param>
    /// <returns>The violation.</returns>
    public static Violation Single(CheckResult result, PortabilityRule rule, string? type, string? method, string reasonPart)
    {
        var matches = result.Violations
            .Where(v => v.Rule == rule && v.Type == type && v.Method == method && v.Reason.Contains(reasonPart, System.StringComparison.Ordinal))
            .ToList();
        Assert.True(
            matches.Count == 1,
            $"expected one {rule} violation at {type}::{method} mentioning '{reasonPart}', found {matches.Count} in:\n"
            + string.Join("\n", result.Violations));
        var violation = matches[0];
        Assert.Equal(Snippets.DisplayName, violation.Assembly);
        return violation;
    }

    /// <summary>Asserts that a result has no violation and no warning.</summary>
    /// <param name="result">The checker's result.</param>
    public static void Clean(CheckResult result)
    {
        Assert.True(result.IsClean, "unexpected violations:\n" + string.Join("\n", result.Violations));
        Assert.Empty(result.Warnings);
    }

    /// <summary>Asserts that all violations of a result break the given rule.</summary>
    /// <param name="result">The checker's result.</param>
    /// <param name="rule">The only rule expected.</param>
    public static void OnlyRule(CheckResult result, PortabilityRule rule) =>
        Assert.All(result.Violations, v => Assert.Equal(rule, v.Rule));
}
