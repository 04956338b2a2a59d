using System.Globalization;

namespace NanoTlv.Reliability.Tests.Support;

/// <summary>
/// Knobs of the long forms, read from environment variables (all optional; the CI short form needs none):
/// <list type="bullet">
/// <item><c>NANOTLV_TORTURE_SCALE</c>: multiplies torture sizes (frames, cycles, clients' requests, toggles); default 1.</item>
/// <item><c>NANOTLV_FUZZ_ITERATIONS</c>: iterations of each fuzz property; default per property (CI figure).</item>
/// <item><c>NANOTLV_FUZZ_SECONDS</c>: run each fuzz property for this many seconds instead (random seeds, CsCheck shrinking).</item>
/// <item><c>NANOTLV_SEED</c>: seed of the torture tests' random streams (default: a fixed seed per test).</item>
/// </list>
/// </summary>
public static class ReliabilitySettings
{
    public const string TortureScaleVariable = "NANOTLV_TORTURE_SCALE";
    public const string FuzzIterationsVariable = "NANOTLV_FUZZ_ITERATIONS";
    public const string FuzzSecondsVariable = "NANOTLV_FUZZ_SECONDS";
    public const string SeedVariable = "NANOTLV_SEED";

    public static int TortureScale => ReadInt(TortureScaleVariable) is int scale && scale >= 1 ? scale : 1;

    public static long? FuzzIterations => ReadInt(FuzzIterationsVariable) is int iterations && iterations > 0 ? iterations : null;

    public static int? FuzzSeconds => ReadInt(FuzzSecondsVariable) is int seconds && seconds > 0 ? seconds : null;

    /// <summary>Scales a CI figure by <see cref="TortureScale"/>.</summary>
    public static int Scaled(int ciFigure) => checked(ciFigure * TortureScale);

    /// <summary>The torture seed: <c>NANOTLV_SEED</c> when set, else <paramref name="fixedSeed"/>.</summary>
    public static int Seed(int fixedSeed) => ReadInt(SeedVariable) ?? fixedSeed;

    private static int? ReadInt(string variable)
    {
        string? text = Environment.GetEnvironmentVariable(variable);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;
    }
}
