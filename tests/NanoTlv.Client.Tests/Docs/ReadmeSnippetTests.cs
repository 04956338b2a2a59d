using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace NanoTlv.Client.Tests.Docs
{
    /// <summary>
    /// Every ```csharp block of tools/NanoTlv.Client/README.md compiles against the client library. A block is
    /// compiled as written: its using directives head the file and the rest becomes the body of an async method
    /// with a <c>cancellationToken</c> parameter; only the implicit usings of a .NET console project are added,
    /// so a block that forgets a NanoTlv namespace fails.
    /// </summary>
    public sealed partial class ReadmeSnippetTests
    {
        private static readonly string[] ImplicitUsings =
        {
            "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
        };

        public static TheoryData<int, string> Snippets()
        {
            var data = new TheoryData<int, string>();
            MatchCollection blocks = CSharpBlock().Matches(File.ReadAllText(ReadmePath));
            for (int i = 0; i < blocks.Count; i++)
            {
                data.Add(i + 1, blocks[i].Groups["code"].Value);
            }

            return data;
        }

        [Fact]
        public void The_readme_has_csharp_snippets()
        {
            Assert.True(Snippets().Count >= 2, "expected the README's C# examples in " + ReadmePath);
        }

        [Theory]
        [MemberData(nameof(Snippets))]
        public void Readme_snippet_compiles(int number, string snippet)
        {
            IReadOnlyList<Diagnostic> errors = Compile(snippet);
            Assert.True(errors.Count == 0, "README snippet " + number + " does not compile:\n" + string.Join("\n", errors) + "\n" + snippet);
        }

        [Fact]
        public void A_snippet_missing_a_using_fails()
        {
            IReadOnlyList<Diagnostic> errors = Compile("using NanoTlv.Client;\nawait using TlvClient client = await TlvClient.ConnectAsync(\"127.0.0.1\", 5150);\nawait client.SetPinModeAsync(23, PinMode.Output);");
            Assert.Contains(errors, e => e.Id == "CS0103");
        }

        private static string ReadmePath => Path.Combine(AppContext.BaseDirectory, "Docs", "ClientReadme.md");

        private static IReadOnlyList<Diagnostic> Compile(string snippet)
        {
            string[] lines = snippet.Split('\n');
            var usings = lines.Where(IsUsingDirective).ToList();
            var body = lines.Where(line => !IsUsingDirective(line));
            string source = string.Concat(ImplicitUsings.Select(name => "using " + name + ";\n"))
                + string.Join("\n", usings)
                + "\ninternal static class Snippet\n{\n    internal static async Task RunAsync(CancellationToken cancellationToken)\n    {\n"
                + string.Join("\n", body)
                + "\n    }\n}\n";
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Append(typeof(TlvClient).Assembly.Location)
                .Distinct()
                .Select(path => MetadataReference.CreateFromFile(path));
            var compilation = CSharpCompilation.Create(
                "ReadmeSnippet",
                [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        }

        private static bool IsUsingDirective(string line) => UsingDirective().IsMatch(line);

        [GeneratedRegex(@"^\s*using\s+[\w.]+\s*;\s*(//.*)?$")]
        private static partial Regex UsingDirective();

        [GeneratedRegex(@"```csharp\r?\n(?<code>.*?)```", RegexOptions.Singleline)]
        private static partial Regex CSharpBlock();
    }
}
