using Xunit;

namespace NanoTlv.Portability.Tests;

public sealed class AssemblyReferenceRuleTests
{
    private static readonly byte[] Library = SnippetCompiler.Compile("namespace F { public static class Lib { public static int One() => 1; } }", "Forbidden");

    private static readonly byte[] Consumer = SnippetCompiler.Compile(
        "namespace N { public static class Use { public static int Run() => F.Lib.One(); } }",
        Snippets.AssemblyName,
        Library);

    [Fact]
    public void ReferenceToAssemblyNotAllowed_IsReported()
    {
        var result = Snippets.Check(Consumer);

        ViolationAssert.Single(result, PortabilityRule.DisallowedAssemblyReference, null, null, "reference to assembly Forbidden, Version=0.0.0.0");
        ViolationAssert.OnlyRule(result, PortabilityRule.DisallowedAssemblyReference);
    }

    [Fact]
    public void ReferenceToAllowedAssembly_IsClean()
    {
        ViolationAssert.Clean(Snippets.Check(Consumer, "Forbidden"));
    }

    [Fact]
    public void ReferenceMatchingAllowedPrefix_IsClean()
    {
        ViolationAssert.Clean(Snippets.Check(Consumer, "Forb*"));
    }

    [Fact]
    public void AllowListEntryWithoutWildcard_DoesNotAllowOtherNames()
    {
        var result = Snippets.Check(Consumer, "Forb", "Forbidden.Extra");

        ViolationAssert.Single(result, PortabilityRule.DisallowedAssemblyReference, null, null, "reference to assembly Forbidden,");
    }

    [Fact]
    public void ReferenceToDotNetCoreLibrary_IsReported()
    {
        var image = SnippetCompiler.CompileAgainstDotNet("namespace N { public static class Use { public static int Run() => 1; } }");

        ViolationAssert.Single(Snippets.Check(image), PortabilityRule.DisallowedAssemblyReference, null, null, "reference to assembly System.Private.CoreLib,");
    }
}
