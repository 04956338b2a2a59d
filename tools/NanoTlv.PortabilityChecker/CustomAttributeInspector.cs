using Mono.Cecil;

namespace NanoTlv.Portability;

/// <summary>Inspects custom attributes: their constructors and the types in their arguments.</summary>
internal static class CustomAttributeInspector
{
    public static void Inspect(ICustomAttributeProvider provider, ViolationReporter reporter)
    {
        if (!provider.HasCustomAttributes)
        {
            return;
        }

        foreach (var attribute in provider.CustomAttributes)
        {
            MemberReferenceInspector.InspectMethod(attribute.Constructor, reporter);
            try
            {
                InspectArguments(attribute, reporter);
            }
            catch (ResolutionException exception)
            {
                reporter.Warn(CouldNotDecode(attribute, exception.Message));
            }
            catch (AssemblyResolutionException exception)
            {
                reporter.Warn(CouldNotDecode(attribute, exception.Message));
            }
        }
    }

    private static void InspectArguments(CustomAttribute attribute, ViolationReporter reporter)
    {
        foreach (var argument in attribute.ConstructorArguments)
        {
            InspectArgument(argument, reporter);
        }

        foreach (var named in attribute.Fields)
        {
            InspectArgument(named.Argument, reporter);
        }

        foreach (var named in attribute.Properties)
        {
            InspectArgument(named.Argument, reporter);
        }
    }

    private static void InspectArgument(CustomAttributeArgument argument, ViolationReporter reporter)
    {
        TypeShapeInspector.Inspect(argument.Type, reporter);
        switch (argument.Value)
        {
            case TypeReference type:
                TypeShapeInspector.Inspect(type, reporter);
                break;
            case CustomAttributeArgument boxed:
                InspectArgument(boxed, reporter);
                break;
            case CustomAttributeArgument[] elements:
                foreach (var element in elements)
                {
                    InspectArgument(element, reporter);
                }

                break;
            default:
                break;
        }
    }

    private static string CouldNotDecode(CustomAttribute attribute, string message) =>
        $"arguments of attribute {attribute.AttributeType.FullName} not checked, they cannot be decoded: {message}";
}
