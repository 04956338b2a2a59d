using nanoFramework.TestFramework;
using NanoTlv.PortableTests.Firmware;

namespace NanoTlv.DeviceTests
{
    /// <summary>The firmware core's portable cases, run on nanoCLR (virtual device or board).</summary>
    [TestClass]
    public class FirmwareCaseTests
    {
        /// <summary>Set name of <see cref="DeviceServerCases"/>.</summary>
        public const string ServerSet = nameof(DeviceServerCases);

        /// <summary>A server on a fake board answers, reports framing errors, guards pins and applies failsafe levels.</summary>
        [TestMethod]
        public void DeviceServerCasesPass() => PortableCaseSet.RunAll(ServerSet);
    }
}
