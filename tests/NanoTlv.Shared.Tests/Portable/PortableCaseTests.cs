using System;
using System.Linq;
using System.Reflection;
using NanoTlv.PortableTests;
using NanoTlv.PortableTests.Runner;
using Xunit;

namespace NanoTlv.Tests.Portable;

/// <summary>
/// Runs every portable case (tests/NanoTlv.PortableTests, the same source the nanoFramework unit-test project
/// compiles) on the host, one theory row per case, so a failure names its case.
/// </summary>
public class PortableCaseTests
{
    public static TheoryData<string> Cases => new(PortableCaseRunner.ListCases());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Portable_case_passes(string qualifiedName) => PortableCaseRunner.Run(qualifiedName);

    [Fact]
    public void Every_public_case_method_is_listed_and_every_listed_case_exists()
    {
        var assembly = typeof(PortableCaseRunner).Assembly;
        var caseClasses = assembly.GetTypes().Where(t => t.IsPublic && t.Name.EndsWith("Cases", StringComparison.Ordinal)).ToArray();
        Assert.Equal(caseClasses.Select(t => t.Name).Order(), PortableCaseRunner.SetNames.Order());

        foreach (var caseClass in caseClasses)
        {
            var methods = caseClass.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.ReturnType == typeof(void) && m.GetParameters().Length == 0)
                .Select(m => m.Name);
            Assert.Equal(methods.Order(), PortableCaseRunner.CaseNamesOf(caseClass.Name).Order());
        }
    }

    [Fact]
    public void RunAll_passes_every_case_and_counts_them()
    {
        var summary = PortableCaseRunner.RunAll();
        Assert.True(summary.Failed == 0, summary.Failures);
        Assert.Equal(PortableCaseRunner.ListCases().Length, summary.Passed);
    }

    [Fact]
    public void Unknown_case_names_are_refused_with_a_message()
    {
        Assert.Contains("NoSuchCase", Assert.Throws<ArgumentException>(() => PortableCaseRunner.Run("FrameWriterCases.NoSuchCase")).Message, StringComparison.Ordinal);
        Assert.Contains("NoSuchCases", Assert.Throws<ArgumentException>(() => PortableCaseRunner.Run("NoSuchCases.Case")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PortableCaseRunner.Run("NoDot"));
    }

    [Fact]
    public void Check_failures_name_what_was_checked_and_both_values()
    {
        var error = Assert.Throws<CheckFailedException>(() => Check.Equal(3, 4, "frames delivered"));
        Assert.Equal("frames delivered: expected 3, got 4.", error.Message);
        var bytes = Assert.Throws<CheckFailedException>(() => Check.Bytes([1, 2, 3], [1, 9, 3], "frame 0"));
        Assert.Equal("frame 0: byte 1 expected 0x02, got 0x09.", bytes.Message);
    }
}
