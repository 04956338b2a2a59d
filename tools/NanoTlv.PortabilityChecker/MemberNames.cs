using System.Linq;
using Mono.Cecil;

namespace NanoTlv.Portability;

/// <summary>Human-readable names of types and methods, as used in violation messages.</summary>
internal static class MemberNames
{
    /// <summary>Gets a method as <c>Name(ParameterType,...)</c>, e.g. <c>Bar(System.Int32)</c>.</summary>
    public static string OfMethod(MethodReference method) =>
        $"{method.Name}({string.Join(",", method.Parameters.Select(p => OfType(p.ParameterType)))})";

    /// <summary>Gets a type's full name; arrays are written as C# does (<c>System.Int32[,]</c>).</summary>
    public static string OfType(TypeReference type) => type switch
    {
        ArrayType array => $"{OfType(array.ElementType)}[{new string(',', array.Rank - 1)}]",
        _ => type.FullName,
    };

    /// <summary>Gets a referenced method as <c>DeclaringType::Name</c> with its generic arguments.</summary>
    public static string OfMethodReference(MethodReference method)
    {
        var genericArguments = method is GenericInstanceMethod instance
            ? $"<{string.Join(",", instance.GenericArguments.Select(OfType))}>"
            : string.Empty;
        return $"{OfType(method.DeclaringType)}::{method.Name}{genericArguments}";
    }
}
