using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace NanoTlv.Portability.Tests;

/// <summary>Values that the test project's build hands to the tests as assembly metadata.</summary>
internal static class BuildSettings
{
    private const string DeviceProjectPrefix = "DeviceProject:";

    private static readonly IReadOnlyList<AssemblyMetadataAttribute> Metadata =
        typeof(BuildSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToList();

    /// <summary>Gets the path of nanoFramework's mscorlib.dll from the nanoFramework.CoreLibrary package.</summary>
    public static string MscorlibPath => Value("NanoFrameworkMscorlib");

    /// <summary>Gets the build configuration of the tests, which is also that of the device projects.</summary>
    public static string Configuration => Value("Configuration");

    /// <summary>Gets the device projects (the DeviceProject items of the test project) by project name.</summary>
    public static IReadOnlyDictionary<string, string> DeviceProjects =>
        Metadata
            .Where(m => m.Key.StartsWith(DeviceProjectPrefix, StringComparison.Ordinal))
            .ToDictionary(m => m.Key[DeviceProjectPrefix.Length..], m => m.Value!, StringComparer.Ordinal);

    /// <summary>Gets the nanoFramework build output of a device project.</summary>
    /// <param name="projectName">The project name, which is also its assembly name.</param>
    /// <returns>The path of <c>bin/&lt;Configuration&gt;/netstandard2.0/&lt;projectName&gt;.dll</c>.</returns>
    public static string DeviceAssemblyPath(string projectName) =>
        Path.Combine(
            Path.GetDirectoryName(DeviceProjects[projectName])!,
            "bin",
            Configuration,
            "netstandard2.0",
            projectName + ".dll");

    private static string Value(string key) =>
        Metadata.SingleOrDefault(m => m.Key == key)?.Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is missing; see the test project file");
}
