using nanoFramework.TestFramework;
using NanoTlv.PortableTests.Runner;

namespace NanoTlv.DeviceTests
{
    /// <summary>Fails when a portable case class has no [TestMethod] here, so no set is silently skipped on the device.</summary>
    [TestClass]
    public class CaseCoverageTests
    {
        /// <summary>Every set of <see cref="PortableCaseRunner.SetNames"/> is in <see cref="PortableCaseSet.Covered"/> and vice versa.</summary>
        [TestMethod]
        public void EveryPortableCaseSetRunsOnTheDevice()
        {
            string[] sets = PortableCaseRunner.SetNames;
            for (int i = 0; i < sets.Length; i++)
            {
                Assert.IsTrue(IndexOf(PortableCaseSet.Covered, sets[i]) >= 0, sets[i] + " has no [TestMethod] in NanoTlv.DeviceTests.");
            }

            for (int i = 0; i < PortableCaseSet.Covered.Length; i++)
            {
                Assert.IsTrue(IndexOf(sets, PortableCaseSet.Covered[i]) >= 0, PortableCaseSet.Covered[i] + " is not a set of PortableCaseRunner.");
            }
        }

        private static int IndexOf(string[] names, string name)
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
