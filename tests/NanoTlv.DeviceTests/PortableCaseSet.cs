using System;
using nanoFramework.TestFramework;
using NanoTlv.PortableTests.Runner;

namespace NanoTlv.DeviceTests
{
    /// <summary>
    /// Runs one class of portable test cases (tests/NanoTlv.PortableTests) on nanoCLR: every case of the
    /// set, each reported on the test output, then one assertion that fails with every failed case listed.
    /// </summary>
    internal static class PortableCaseSet
    {
        /// <summary>The case classes that have a [TestMethod] in this project; see <see cref="CaseCoverageTests"/>.</summary>
        public static readonly string[] Covered = new string[]
        {
            FramingCaseTests.ChunkingSet,
            FramingCaseTests.GarbageSet,
            FramingCaseTests.OversizeSet,
            FramingCaseTests.StrictSet,
            FramingCaseTests.ApiSet,
            FramingCaseTests.WriterSet,
            FirmwareCaseTests.ServerSet,
        };

        /// <summary>Runs every case of <paramref name="setName"/> and asserts that none failed.</summary>
        /// <param name="setName">A name from <see cref="PortableCaseRunner.SetNames"/>.</param>
        public static void RunAll(string setName)
        {
            string[] cases = PortableCaseRunner.CaseNamesOf(setName);
            Assert.IsTrue(cases.Length > 0, setName + " has no cases.");

            int failed = 0;
            string failures = string.Empty;
            for (int i = 0; i < cases.Length; i++)
            {
                string qualifiedName = setName + "." + cases[i];
                try
                {
                    PortableCaseRunner.Run(qualifiedName);
                    OutputHelper.WriteLine("pass " + qualifiedName);
                }
                catch (Exception e)
                {
                    failed++;
                    string line = qualifiedName + ": " + e.GetType().Name + ": " + e.Message;
                    failures = failures + "\n" + line;
                    OutputHelper.WriteLine("FAIL " + line);
                }
            }

            Assert.AreEqual(0, failed, setName + ": " + failed + " of " + cases.Length + " cases failed:" + failures);
        }
    }
}
