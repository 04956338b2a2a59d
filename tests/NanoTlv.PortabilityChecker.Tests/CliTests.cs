using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace NanoTlv.Portability.Tests;

public sealed partial class CliTests
{
    private static readonly byte[] CleanImage = SnippetCompiler.Compile("namespace N { public static class Use { public static int Run(int x) => x + 1; } }");

    private static readonly byte[] OffendingImage = SnippetCompiler.Compile("namespace N { public static class Use { public static void Run(System.Action<int> callback) => callback(1); } }");

    private static readonly byte[] LibraryImage = SnippetCompiler.Compile("namespace F { public static class Lib { public static int One() => 1; } }", "Forbidden");

    [Fact]
    public void CleanAssembly_PrintsSummaryAndExitsZero()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("Clean.dll", CleanImage);

        var (exitCode, output, _) = Run(path);

        Assert.Equal(PortabilityCheckerCli.Clean, exitCode);
        Assert.Matches(SummaryLine(), output.Trim());
        Assert.EndsWith(": 0 violations", output.Trim(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void OffendingAssembly_PrintsOneLinePerViolationAndExitsOne()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("Offending.dll", OffendingImage);

        var (exitCode, output, _) = Run(path);

        Assert.Equal(PortabilityCheckerCli.ViolationsFound, exitCode);
        var lines = output.TrimEnd().Split('\n');
        Assert.Contains(
            "Offending.dll: N.Use::Run(System.Action`1<System.Int32>): generic instantiation System.Action`1<System.Int32> is not supported by nanoFramework (no generics)",
            lines);
        // Besides N.Use, Roslyn embeds EmbeddedAttribute and RefSafetyRulesAttribute (one constructor each).
        Assert.Equal("checked 1 assemblies, 3 types, 3 methods: 1 violations", lines[^1]);
    }

    [Fact]
    public void AllowOption_PermitsTheNamedReference()
    {
        using var folder = new TemporaryDirectory();
        folder.Write("Forbidden.dll", LibraryImage);
        var consumer = folder.Write("Consumer.dll", SnippetCompiler.Compile("namespace N { public static class Use { public static int Run() => F.Lib.One(); } }", "Consumer", LibraryImage));

        var (refused, refusedOutput, _) = Run(consumer);
        var (allowed, _, _) = Run("--allow", "Forbidden", consumer);

        Assert.Equal(PortabilityCheckerCli.ViolationsFound, refused);
        Assert.StartsWith("Consumer.dll: reference to assembly Forbidden,", refusedOutput, System.StringComparison.Ordinal);
        Assert.Equal(PortabilityCheckerCli.Clean, allowed);
    }

    [Fact]
    public void SeveralAssemblies_AreCountedTogether()
    {
        using var folder = new TemporaryDirectory();
        var clean = folder.Write("Clean.dll", CleanImage);
        var offending = folder.Write("Offending.dll", OffendingImage);

        var (exitCode, output, _) = Run(clean, offending);

        Assert.Equal(PortabilityCheckerCli.ViolationsFound, exitCode);
        Assert.EndsWith("checked 2 assemblies, 6 types, 6 methods: 1 violations", output.Trim(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "no assembly given")]
    [InlineData(new[] { "does-not-exist.dll" }, "file not found: does-not-exist.dll")]
    [InlineData(new[] { "--allow" }, "--allow needs an assembly name")]
    [InlineData(new[] { "--frobnicate", "x.dll" }, "unknown option --frobnicate")]
    public void UsageError_ExitsTwo(string[] args, string message)
    {
        var (exitCode, output, error) = Run(args);

        Assert.Equal(PortabilityCheckerCli.UsageError, exitCode);
        Assert.Contains("error: " + message, error, System.StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public void FileThatIsNotAnAssembly_ExitsTwo()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.Write("text.dll", "not a portable executable"u8.ToArray());

        var (exitCode, _, error) = Run(path);

        Assert.Equal(PortabilityCheckerCli.UsageError, exitCode);
        Assert.Contains("not a .NET assembly", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Help_PrintsUsageAndExitsZero()
    {
        var (exitCode, output, _) = Run("--help");

        Assert.Equal(PortabilityCheckerCli.Clean, exitCode);
        Assert.Contains("[--allow AssemblyName]... <assembly.dll>...", output, System.StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exitCode = PortabilityCheckerCli.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"^checked \d+ assemblies, \d+ types, \d+ methods: \d+ violations$")]
    private static partial Regex SummaryLine();
}
