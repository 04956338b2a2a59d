using CsCheck;
using Xunit.Abstractions;

namespace NanoTlv.Reliability.Tests.Fuzz;

/// <summary>
/// Runs a fuzz property in one of three modes:
/// <list type="bullet">
/// <item>CI (default): a fixed, deterministic series of <c>ciIterations</c> CsCheck seeds, so a run's outcome
/// never changes from one CI run to the next;</item>
/// <item>long: <c>NANOTLV_FUZZ_SECONDS</c> (time-boxed) or <c>NANOTLV_FUZZ_ITERATIONS</c> (counted) random
/// CsCheck sampling with shrinking, on <c>threads</c> threads;</item>
/// <item>replay: <c>NANOTLV_FUZZ_SEED</c> = a seed printed by an earlier failure reruns exactly that case.</item>
/// </list>
/// A failure prints the seed and the case, and writes the case (hex, one file) under
/// <c>fuzz-failures/</c> in the test output directory, in the corpus file format (<see cref="CorpusCase"/>),
/// ready to be copied into <c>Corpus/</c>.
/// </summary>
public static class FuzzRunner
{
    public const string SeedVariable = "NANOTLV_FUZZ_SEED";

    private const uint CiStream = 0x4E54;
    private const ulong CiSeedBase = 0x9E3779B97F4A7C15;

    public static void Run<T>(string name, Gen<T> gen, Action<T> property, Func<T, string> print, Func<T, string> corpusText,
        long ciIterations, int threads, ITestOutputHelper output)
    {
        string? seed = Environment.GetEnvironmentVariable(SeedVariable);
        if (!string.IsNullOrWhiteSpace(seed))
        {
            T value = gen.Generate(PCG.Parse(seed.Trim()), null!, out _);
            RunOne(name, property, print, corpusText, value, seed.Trim());
            output.WriteLine("{0}: replayed seed {1}", name, seed);
            return;
        }

        int? seconds = Support.ReliabilitySettings.FuzzSeconds;
        long? iterations = Support.ReliabilitySettings.FuzzIterations;
        if (seconds != null || iterations != null)
        {
            RunLong(name, gen, property, print, corpusText, iterations ?? -1, seconds ?? -1, threads, output);
            return;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (long i = 0; i < ciIterations; i++)
        {
            var pcg = new PCG(CiStream, unchecked(CiSeedBase * (ulong)(i + 1)));
            string caseSeed = pcg.ToString(pcg.State);
            T value = gen.Generate(pcg, null!, out _);
            RunOne(name, property, print, corpusText, value, caseSeed);
        }

        output.WriteLine("{0}: {1} deterministic cases passed in {2:F1} s", name, ciIterations, clock.Elapsed.TotalSeconds);
    }

    private static void RunOne<T>(string name, Action<T> property, Func<T, string> print, Func<T, string> corpusText, T value, string seed)
    {
        try
        {
            property(value);
        }
        catch (Exception e)
        {
            string file = SaveFailure(name, corpusText(value), "seed " + seed + ": " + e.Message);
            throw new Xunit.Sdk.XunitException(name + " failed for seed " + seed + " (rerun with " + SeedVariable + "=" + seed + "): " + e.Message +
                Environment.NewLine + "case: " + print(value) + Environment.NewLine + "saved to " + file, e);
        }
    }

    private static void RunLong<T>(string name, Gen<T> gen, Action<T> property, Func<T, string> print, Func<T, string> corpusText,
        long iterations, int seconds, int threads, ITestOutputHelper output)
    {
        T? smallest = default;
        int smallestSize = int.MaxValue;
        string? smallestError = null;
        var gate = new object();
        void Checked(T value)
        {
            try
            {
                property(value);
            }
            catch (Exception e)
            {
                int size = corpusText(value).Length;
                lock (gate)
                {
                    if (size < smallestSize)
                    {
                        smallest = value;
                        smallestSize = size;
                        smallestError = e.Message;
                    }
                }

                throw;
            }
        }

        try
        {
            gen.Sample(Checked, output.WriteLine, iter: iterations, time: seconds, threads: threads, print: print);
        }
        catch (Exception) when (smallestError != null)
        {
            string file = SaveFailure(name, corpusText(smallest!), smallestError);
            output.WriteLine("{0}: smallest failing case saved to {1}", name, file);
            throw;
        }
    }

    private static string SaveFailure(string name, string corpusCase, string reason)
    {
        string directory = Path.Combine(AppContext.BaseDirectory, "fuzz-failures");
        Directory.CreateDirectory(directory);
        string file = Path.Combine(directory, name + "-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", System.Globalization.CultureInfo.InvariantCulture) + ".hex");
        File.WriteAllText(file, "# " + name + ": " + reason.Replace('\n', ' ') + Environment.NewLine + corpusCase);
        return file;
    }
}
