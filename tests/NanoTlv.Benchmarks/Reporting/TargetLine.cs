using System.Globalization;
using System.IO;

namespace NanoTlv.Benchmarks.Reporting;

/// <summary>The PASS/MISS lines every report ends with. A MISS is information, never a failure of the run.</summary>
public static class TargetLine
{
    /// <summary>Writes <c>PASS  text</c> or <c>MISS  text</c>.</summary>
    public static void Write(TextWriter output, bool met, string text) =>
        output.WriteLine((met ? "PASS  " : "MISS  ") + text);

    /// <summary>Formats a number with <paramref name="format"/> in the invariant culture.</summary>
    public static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
