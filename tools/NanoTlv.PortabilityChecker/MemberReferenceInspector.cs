using Mono.Cecil;

namespace NanoTlv.Portability;

/// <summary>Inspects the methods, fields and call sites that IL instructions and attributes refer to.</summary>
internal static class MemberReferenceInspector
{
    public static void InspectMethod(MethodReference method, ViolationReporter reporter)
    {
        if (method is GenericInstanceMethod instance)
        {
            reporter.Report(
                PortabilityRule.GenericInstantiation,
                $"generic method instantiation {MemberNames.OfMethodReference(instance)} {NotSupported.NoGenerics}");
            foreach (var argument in instance.GenericArguments)
            {
                TypeShapeInspector.Inspect(argument, reporter);
            }

            InspectSignature(instance.ElementMethod, reporter);
            return;
        }

        if (method.HasGenericParameters)
        {
            reporter.Report(
                PortabilityRule.GenericInstantiation,
                $"open generic method {MemberNames.OfMethodReference(method)} {NotSupported.NoGenerics}");
        }

        InspectSignature(method, reporter);
    }

    public static void InspectField(FieldReference field, ViolationReporter reporter)
    {
        TypeShapeInspector.Inspect(field.DeclaringType, reporter);
        TypeShapeInspector.Inspect(field.FieldType, reporter);
    }

    public static void InspectCallSite(CallSite callSite, ViolationReporter reporter)
    {
        TypeShapeInspector.Inspect(callSite.ReturnType, reporter);
        foreach (var parameter in callSite.Parameters)
        {
            TypeShapeInspector.Inspect(parameter.ParameterType, reporter);
        }
    }

    private static void InspectSignature(MethodReference method, ViolationReporter reporter)
    {
        TypeShapeInspector.Inspect(method.DeclaringType, reporter);
        TypeShapeInspector.Inspect(method.ReturnType, reporter);
        foreach (var parameter in method.Parameters)
        {
            TypeShapeInspector.Inspect(parameter.ParameterType, reporter);
        }
    }
}
