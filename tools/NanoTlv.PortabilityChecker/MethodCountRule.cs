using System.Linq;
using Mono.Cecil;

namespace NanoTlv.Portability;

/// <summary>
/// nanoCLR's type table stores the counts of virtual, non-virtual instance and static methods of a type
/// in one byte each, so none of them may exceed 255.
/// </summary>
internal static class MethodCountRule
{
    public const int MaximumPerKind = 255;

    public static void Inspect(TypeDefinition type, ViolationReporter reporter)
    {
        var methods = type.Methods;
        Check(methods.Count(m => m.IsVirtual), "virtual", reporter);
        Check(methods.Count(m => !m.IsStatic && !m.IsVirtual), "non-virtual instance", reporter);
        Check(methods.Count(m => m.IsStatic), "static", reporter);
    }

    private static void Check(int count, string kind, ViolationReporter reporter)
    {
        if (count > MaximumPerKind)
        {
            reporter.Report(
                PortabilityRule.TooManyMethods,
                $"type has {count} {kind} methods; nanoFramework allows at most {MaximumPerKind} per type");
        }
    }
}
