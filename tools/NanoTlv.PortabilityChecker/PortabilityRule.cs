namespace NanoTlv.Portability;

/// <summary>The portability rules that a device assembly must satisfy to run on nanoCLR.</summary>
public enum PortabilityRule
{
    /// <summary>A generic type or generic method is defined in the assembly.</summary>
    GenericDefinition,

    /// <summary>A generic type or method is instantiated or referenced (signature, local, operand, attribute).</summary>
    GenericInstantiation,

    /// <summary>An array with more than one dimension (or with non-zero lower bounds) is used.</summary>
    MultidimensionalArray,

    /// <summary>The <c>localloc</c> opcode (C# <c>stackalloc</c>) is used.</summary>
    StackAllocation,

    /// <summary>An unmanaged pointer or function pointer type is used.</summary>
    PointerType,

    /// <summary>An opcode that nanoCLR does not execute is used.</summary>
    UnsupportedOpCode,

    /// <summary>An overflow-checked arithmetic or conversion opcode is used; nanoCLR skips the check.</summary>
    OverflowCheckedOpCode,

    /// <summary>A type has more than 255 virtual, 255 non-virtual instance or 255 static methods.</summary>
    TooManyMethods,

    /// <summary>The assembly references an assembly other than mscorlib and the allow-list.</summary>
    DisallowedAssemblyReference,

    /// <summary>
    /// A type's namespace sorts after <c>System.Runtime.CompilerServices</c> in an assembly with compiler-embedded
    /// attribute types; nanoFramework's MetadataProcessor misplaces its attributes.
    /// </summary>
    NamespaceAfterCompilerServices,
}
