using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace NanoTlv.Portability.Tests;

public sealed class MetadataProcessorOrderRuleTests
{
    [Fact]
    public void LatestCompiler_EmbedsRefSafetyRulesAttributeIntoTheSnippet()
    {
        var image = SnippetCompiler.Compile("namespace N { public static class A { } }");

        Assert.Contains("System.Runtime.CompilerServices.RefSafetyRulesAttribute", CecilInspection.TypeNames(image));
    }

    [Fact]
    public void TypeInNamespaceAfterCompilerServices_IsReportedWithTheReason()
    {
        var result = Snippets.CompileAndCheck("namespace Zeta.Tests { public class SampleTests { public void Run() { } } }");

        ViolationAssert.Single(
            result,
            PortabilityRule.NamespaceAfterCompilerServices,
            "Zeta.Tests.SampleTests",
            null,
            "namespace Zeta.Tests sorts after System.Runtime.CompilerServices");
        ViolationAssert.Single(result, PortabilityRule.NamespaceAfterCompilerServices, "Zeta.Tests.SampleTests", null, "misplaces this type's attributes");
        ViolationAssert.OnlyRule(result, PortabilityRule.NamespaceAfterCompilerServices);
    }

    [Fact]
    public void NestedTypeInNamespaceAfterCompilerServices_IsReported()
    {
        var result = Snippets.CompileAndCheck("namespace System.Text.Device { public class Outer { public class Inner { } } }");

        ViolationAssert.Single(result, PortabilityRule.NamespaceAfterCompilerServices, "System.Text.Device.Outer/Inner", null, "namespace System.Text.Device sorts after");
    }

    [Fact]
    public void NamespaceSortingAfterOnlyOrdinally_IsReported()
    {
        // "System.Runtime.compiler" sorts before "System.Runtime.CompilerServices" case-insensitively but after it ordinally.
        var result = Snippets.CompileAndCheck("namespace System.Runtime.compiler { public class A { } }");

        ViolationAssert.Single(result, PortabilityRule.NamespaceAfterCompilerServices, "System.Runtime.compiler.A", null, "sorts after");
    }

    [Theory]
    [InlineData("NanoTlv.Firmware.Tests")]
    [InlineData("NFUnitTestCommands")]
    [InlineData("System.Runtime.CompilerServices")]
    [InlineData("System.Runtime")]
    public void TypeInNamespaceNotAfterCompilerServices_IsClean(string typeNamespace)
    {
        ViolationAssert.Clean(Snippets.CompileAndCheck($"namespace {typeNamespace} {{ public class SampleTests {{ public void Run() {{ }} }} }}"));
    }

    [Fact]
    public void GlobalNamespace_IsClean()
    {
        ViolationAssert.Clean(Snippets.CompileAndCheck("public class SampleTests { }"));
    }

    [Fact]
    public void AssemblyWithoutCompilerEmbeddedTypes_IsClean()
    {
        var image = SnippetCompiler.Compile("namespace Zeta.Tests { public class SampleTests { } }", LanguageVersion.CSharp10);

        Assert.DoesNotContain(CecilInspection.TypeNames(image), name => name.StartsWith("System.Runtime.CompilerServices.", System.StringComparison.Ordinal));
        ViolationAssert.Clean(Snippets.Check(image));
    }
}
