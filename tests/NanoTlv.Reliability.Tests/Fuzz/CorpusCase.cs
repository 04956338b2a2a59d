using System.Globalization;
using System.Text;
using NanoTlv.Reliability.Tests.Support;

namespace NanoTlv.Reliability.Tests.Fuzz;

/// <summary>
/// One corpus file: a byte stream in hex, with optional settings. Lines starting with <c>#!</c> are settings
/// (<c>#! max 16</c>: extractor maximum payload; <c>#! strict</c>: strict extractor; <c>#! token</c>: the
/// session runs with the test token configured); other <c>#</c> text is comment.
/// </summary>
public sealed record CorpusCase(string Name, byte[] Stream, int? MaxPayloadBytes, bool Strict, bool WithToken)
{
    public const string Directory = "Corpus";

    public static IEnumerable<CorpusCase> Load(string kind)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, Directory, kind);
        Assert.True(System.IO.Directory.Exists(folder), "Corpus folder missing: " + folder);
        string[] files = System.IO.Directory.GetFiles(folder, "*.hex");
        Assert.NotEmpty(files);
        return files.OrderBy(f => f, StringComparer.Ordinal).Select(Parse);
    }

    public static CorpusCase Parse(string file)
    {
        string text = File.ReadAllText(file);
        int? max = null;
        bool strict = false;
        bool token = false;
        foreach (string line in text.Split('\n'))
        {
            string trimmed = line.Trim();
            if (!trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                continue;
            }

            string[] words = trimmed[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words.FirstOrDefault())
            {
                case "max":
                    max = int.Parse(words[1], CultureInfo.InvariantCulture);
                    break;
                case "strict":
                    strict = true;
                    break;
                case "token":
                    token = true;
                    break;
                default:
                    throw new FormatException(file + ": unknown setting '" + trimmed + "'.");
            }
        }

        return new CorpusCase(Path.GetFileNameWithoutExtension(file), Hex.Parse(text), max, strict, token);
    }

    public static string Format(byte[] stream, int? maxPayloadBytes = null, bool strict = false, bool withToken = false)
    {
        var text = new StringBuilder();
        if (maxPayloadBytes is int max)
        {
            text.Append("#! max ").Append(max.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        if (strict)
        {
            text.Append("#! strict\n");
        }

        if (withToken)
        {
            text.Append("#! token\n");
        }

        for (int offset = 0; offset < stream.Length; offset += 32)
        {
            text.Append(Hex.Format(stream.AsSpan(offset, Math.Min(32, stream.Length - offset)))).Append('\n');
        }

        return text.ToString();
    }

    public override string ToString() => Name;
}
