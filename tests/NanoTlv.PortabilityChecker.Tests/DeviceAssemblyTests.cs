using System.IO;
using Xunit;

namespace NanoTlv.Portability.Tests;

/// <summary>
/// The real device assemblies of the repository, as built for nanoFramework, must be portable. The list
/// of device projects lives in the test project file (DeviceProject items); add new ones there.
/// </summary>
public sealed class DeviceAssemblyTests
{
    public static TheoryData<string> DeviceProjectNames => new(BuildSettings.DeviceProjects.Keys);

    [Fact]
    public void DeviceProjectList_IncludesTheSharedLibrary()
    {
        Assert.Contains("NanoTlv.Shared", BuildSettings.DeviceProjects.Keys);
    }

    [Theory]
    [MemberData(nameof(DeviceProjectNames))]
    public void DeviceAssembly_HasNoViolation(string projectName)
    {
        var path = BuildSettings.DeviceAssemblyPath(projectName);
        Assert.True(File.Exists(path), $"{path} is missing; the test project's ProjectReference should have built it");
        var checker = new PortabilityChecker(new PortabilityCheckerOptions { AllowedAssemblies = ["NanoTlv.*"] });

        var result = checker.CheckFiles([path]);

        Assert.Equal(1, result.AssemblyCount);
        Assert.True(result.IsClean, $"{projectName} is not portable:\n" + string.Join("\n", result.Violations));
        Assert.Empty(result.Warnings);
    }
}
