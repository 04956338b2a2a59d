using System.Linq;
using Mono.Cecil;

namespace NanoTlv.Portability;

/// <summary>Checks one loaded assembly: its references, its own attributes and every type.</summary>
internal static class AssemblyInspector
{
    private const string ModuleTypeName = "<Module>";

    public static CheckResult Inspect(AssemblyDefinition assembly, string displayName, AssemblyAllowList allowList)
    {
        var collector = new ViolationCollector(displayName);
        var module = assembly.MainModule;
        AssemblyReferenceRule.Inspect(module, allowList, ViolationReporter.ForAssembly(collector));
        CustomAttributeInspector.Inspect(assembly, ViolationReporter.ForAssembly(collector, "assembly attribute"));
        CustomAttributeInspector.Inspect(module, ViolationReporter.ForAssembly(collector, "module attribute"));

        var types = module.GetTypes().ToList();
        var checkNamespaceOrder = MetadataProcessorOrderRule.HasCompilerEmbeddedTypes(module);
        foreach (var type in types)
        {
            TypeInspector.Inspect(type, collector, checkNamespaceOrder);
        }

        return new CheckResult(
            AssemblyCount: 1,
            TypeCount: types.Count(t => t.FullName != ModuleTypeName),
            MethodCount: types.Sum(t => t.Methods.Count),
            collector.Violations.ToList(),
            collector.Warnings.ToList());
    }
}
