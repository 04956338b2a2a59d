using System;
using NanoTlv.PortableTests.Firmware;
using NanoTlv.PortableTests.Framing;

namespace NanoTlv.PortableTests.Runner
{
    /// <summary>
    /// Lists and runs every portable case by its qualified name, <c>ClassName.CaseName</c>, without
    /// reflection, so the same code works on the host and on nanoFramework.
    /// </summary>
    /// <remarks>A new case class is added in <see cref="SetNames"/>, <see cref="CaseNamesOf"/> and <see cref="RunInSet"/>.</remarks>
    public static class PortableCaseRunner
    {
        private const char Separator = '.';

        /// <summary>The case classes, by simple name.</summary>
        public static string[] SetNames => new string[]
        {
            nameof(FrameExtractorChunkingCases),
            nameof(FrameExtractorGarbageCases),
            nameof(FrameExtractorOversizeCases),
            nameof(FrameExtractorStrictCases),
            nameof(FrameExtractorApiCases),
            nameof(FrameWriterCases),
            nameof(DeviceServerCases),
        };

        /// <summary>Every case, as <c>ClassName.CaseName</c>.</summary>
        /// <returns>The qualified names, class by class.</returns>
        public static string[] ListCases()
        {
            string[] sets = SetNames;
            int total = 0;
            for (int i = 0; i < sets.Length; i++)
            {
                total += CaseNamesOf(sets[i]).Length;
            }

            string[] all = new string[total];
            int next = 0;
            for (int i = 0; i < sets.Length; i++)
            {
                string[] cases = CaseNamesOf(sets[i]);
                for (int j = 0; j < cases.Length; j++)
                {
                    all[next++] = sets[i] + Separator + cases[j];
                }
            }

            return all;
        }

        /// <summary>The case names of one class.</summary>
        /// <param name="setName">A name from <see cref="SetNames"/>.</param>
        /// <returns>Its case names.</returns>
        public static string[] CaseNamesOf(string setName)
        {
            switch (setName)
            {
                case nameof(FrameExtractorChunkingCases): return FrameExtractorChunkingCases.CaseNames;
                case nameof(FrameExtractorGarbageCases): return FrameExtractorGarbageCases.CaseNames;
                case nameof(FrameExtractorOversizeCases): return FrameExtractorOversizeCases.CaseNames;
                case nameof(FrameExtractorStrictCases): return FrameExtractorStrictCases.CaseNames;
                case nameof(FrameExtractorApiCases): return FrameExtractorApiCases.CaseNames;
                case nameof(FrameWriterCases): return FrameWriterCases.CaseNames;
                case nameof(DeviceServerCases): return DeviceServerCases.CaseNames;
                default: throw new ArgumentException("No case class named " + setName + ".", nameof(setName));
            }
        }

        /// <summary>Runs one case; a failure surfaces as the case's exception (usually <see cref="CheckFailedException"/>).</summary>
        /// <param name="qualifiedName">A name from <see cref="ListCases"/>.</param>
        public static void Run(string qualifiedName)
        {
            int dot = qualifiedName.IndexOf(Separator);
            if (dot <= 0)
            {
                throw new ArgumentException("Expected ClassName.CaseName, got " + qualifiedName + ".", nameof(qualifiedName));
            }

            RunInSet(qualifiedName.Substring(0, dot), qualifiedName.Substring(dot + 1));
        }

        /// <summary>Runs every case, catching failures, and counts the outcome.</summary>
        /// <returns>Passed and failed counts and one line per failure.</returns>
        public static PortableRunSummary RunAll()
        {
            PortableRunSummary summary = new PortableRunSummary();
            string[] cases = ListCases();
            for (int i = 0; i < cases.Length; i++)
            {
                try
                {
                    Run(cases[i]);
                    summary.RecordPass();
                }
                catch (Exception e)
                {
                    summary.RecordFailure(cases[i], e);
                }
            }

            return summary;
        }

        private static void RunInSet(string setName, string caseName)
        {
            switch (setName)
            {
                case nameof(FrameExtractorChunkingCases): FrameExtractorChunkingCases.Run(caseName); break;
                case nameof(FrameExtractorGarbageCases): FrameExtractorGarbageCases.Run(caseName); break;
                case nameof(FrameExtractorOversizeCases): FrameExtractorOversizeCases.Run(caseName); break;
                case nameof(FrameExtractorStrictCases): FrameExtractorStrictCases.Run(caseName); break;
                case nameof(FrameExtractorApiCases): FrameExtractorApiCases.Run(caseName); break;
                case nameof(FrameWriterCases): FrameWriterCases.Run(caseName); break;
                case nameof(DeviceServerCases): DeviceServerCases.Run(caseName); break;
                default: throw new ArgumentException("No case class named " + setName + ".", nameof(setName));
            }
        }
    }
}
