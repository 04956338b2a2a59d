using Mono.Cecil;

namespace NanoTlv.Portability;

/// <summary>
/// Walks a type as it appears in a signature, local, operand or attribute and reports the shapes that
/// nanoCLR cannot represent: generic instantiations, open generic types, multidimensional arrays and
/// pointers.
/// </summary>
internal static class TypeShapeInspector
{
    public static void Inspect(TypeReference? type, ViolationReporter reporter)
    {
        switch (type)
        {
            case null:
            case GenericParameter:
                // A generic parameter only occurs inside a generic definition, which is reported itself.
                return;
            case GenericInstanceType instance:
                reporter.Report(
                    PortabilityRule.GenericInstantiation,
                    $"generic instantiation {MemberNames.OfType(instance)} {NotSupported.NoGenerics}");
                foreach (var argument in instance.GenericArguments)
                {
                    Inspect(argument, reporter);
                }

                return;
            case ArrayType array:
                InspectArray(array, reporter);
                return;
            case PointerType pointer:
                reporter.Report(
                    PortabilityRule.PointerType,
                    $"pointer type {MemberNames.OfType(pointer)} {NotSupported.NoUnsafeCode}");
                Inspect(pointer.ElementType, reporter);
                return;
            case FunctionPointerType functionPointer:
                reporter.Report(
                    PortabilityRule.PointerType,
                    $"function pointer type {functionPointer.FullName} {NotSupported.NoUnsafeCode}");
                Inspect(functionPointer.ReturnType, reporter);
                foreach (var parameter in functionPointer.Parameters)
                {
                    Inspect(parameter.ParameterType, reporter);
                }

                return;
            case IModifierType modified:
                Inspect(modified.ModifierType, reporter);
                Inspect(modified.ElementType, reporter);
                return;
            case TypeSpecification specification:
                // By-reference, pinned and sentinel types: only their element type matters.
                Inspect(specification.ElementType, reporter);
                return;
            default:
                InspectPlainType(type, reporter);
                return;
        }
    }

    private static void InspectArray(ArrayType array, ViolationReporter reporter)
    {
        if (!array.IsVector)
        {
            var shape = array.Rank > 1 ? "multidimensional array" : "array with explicit bounds";
            reporter.Report(
                PortabilityRule.MultidimensionalArray,
                $"{shape} {MemberNames.OfType(array)} is not supported by nanoFramework (only single-dimension, zero-based arrays)");
        }

        Inspect(array.ElementType, reporter);
    }

    private static void InspectPlainType(TypeReference type, ViolationReporter reporter)
    {
        // A type used without instantiation, e.g. typeof(List<>): references carry the arity in their
        // name, definitions declare generic parameters.
        if (type.HasGenericParameters || type.Name.Contains('`', System.StringComparison.Ordinal))
        {
            reporter.Report(
                PortabilityRule.GenericInstantiation,
                $"open generic type {type.FullName} {NotSupported.NoGenerics}");
        }
    }
}
