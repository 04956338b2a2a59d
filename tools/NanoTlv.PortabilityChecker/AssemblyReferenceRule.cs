using Mono.Cecil;

namespace NanoTlv.Portability;

/// <summary>Device code may only reference mscorlib and explicitly allowed assemblies.</summary>
internal static class AssemblyReferenceRule
{
    public static void Inspect(ModuleDefinition module, AssemblyAllowList allowList, ViolationReporter reporter)
    {
        foreach (var reference in module.AssemblyReferences)
        {
            if (!allowList.Allows(reference.Name))
            {
                reporter.Report(
                    PortabilityRule.DisallowedAssemblyReference,
                    $"reference to assembly {reference.FullName} is not allowed (only mscorlib and --allow assemblies)");
            }
        }
    }
}
