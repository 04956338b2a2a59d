using System;
using System.Linq;
using Mono.Cecil;

namespace NanoTlv.Portability;

/// <summary>
/// nanoFramework's MetadataProcessor (3.0.x) sorts type definitions by full name when it writes the PE
/// file for nanoCLR and re-maps custom attributes to their owners. When the C# compiler (C# 11 and later)
/// has embedded its own attribute types into the assembly — <c>System.Runtime.CompilerServices.RefSafetyRulesAttribute</c>,
/// <c>NullableAttribute</c> and the like, marked with <c>Microsoft.CodeAnalysis.EmbeddedAttribute</c> —
/// the attributes of every type whose full name sorts after <c>System.Runtime.CompilerServices</c> end up on
/// the wrong type: on the device a test class in such a namespace loses its <c>[TestClass]</c>.
/// </summary>
/// <remarks>
/// The rule fires only when the assembly itself defines compiler-embedded types (in
/// <c>System.Runtime.CompilerServices</c> or <c>Microsoft.CodeAnalysis</c>), because the misplacement comes with
/// them: they are the extra definitions sorted in among the assembly's own types, and an assembly without them
/// (built with C# 10, or against a core library that supplies those attributes) has been processed correctly
/// whatever its namespaces. Flagging always would reject such assemblies for a fault they cannot hit. In practice
/// every device assembly built with C# 11+ against nanoFramework's mscorlib (which lacks
/// <c>RefSafetyRulesAttribute</c>) has them, so device code keeps its namespaces under <c>NanoTlv.*</c> /
/// <c>NFUnitTest*</c>, which sort before that namespace. Namespaces are compared ordinally, as the sort is;
/// nested types count with the namespace of their outermost declaring type.
/// </remarks>
internal static class MetadataProcessorOrderRule
{
    public const string CompilerServicesNamespace = "System.Runtime.CompilerServices";

    private const string EmbeddedAttributeNamespace = "Microsoft.CodeAnalysis";

    public static bool HasCompilerEmbeddedTypes(ModuleDefinition module) =>
        module.Types.Any(t => t.Namespace is CompilerServicesNamespace or EmbeddedAttributeNamespace);

    public static void Inspect(TypeDefinition type, ViolationReporter reporter)
    {
        var outermost = type;
        while (outermost.DeclaringType is not null)
        {
            outermost = outermost.DeclaringType;
        }

        var typeNamespace = outermost.Namespace;
        if (string.CompareOrdinal(typeNamespace, CompilerServicesNamespace) > 0)
        {
            reporter.Report(
                PortabilityRule.NamespaceAfterCompilerServices,
                $"namespace {typeNamespace} sorts after {CompilerServicesNamespace} in an assembly with compiler-embedded "
                + "attribute types; nanoFramework's MetadataProcessor then misplaces this type's attributes "
                + "(e.g. [TestClass] is lost on the device); use a namespace under NanoTlv.* or NFUnitTest*");
        }
    }
}
