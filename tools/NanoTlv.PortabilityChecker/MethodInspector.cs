using System.Linq;
using Mono.Cecil;

namespace NanoTlv.Portability;

/// <summary>Checks one method definition: generic parameters, signature, attributes, overrides and body.</summary>
internal static class MethodInspector
{
    public static void Inspect(MethodDefinition method, ViolationReporter reporter)
    {
        if (method.HasGenericParameters)
        {
            reporter.Report(
                PortabilityRule.GenericDefinition,
                $"generic method definition {method.Name}<{string.Join(",", method.GenericParameters.Select(p => p.Name))}> {NotSupported.NoGenerics}");
        }

        TypeShapeInspector.Inspect(method.ReturnType, reporter);
        CustomAttributeInspector.Inspect(method, reporter);
        CustomAttributeInspector.Inspect(method.MethodReturnType, reporter);
        foreach (var parameter in method.Parameters)
        {
            TypeShapeInspector.Inspect(parameter.ParameterType, reporter);
            CustomAttributeInspector.Inspect(parameter, reporter);
        }

        foreach (var overridden in method.Overrides)
        {
            MemberReferenceInspector.InspectMethod(overridden, reporter);
        }

        MethodBodyInspector.Inspect(method, reporter);
    }
}
