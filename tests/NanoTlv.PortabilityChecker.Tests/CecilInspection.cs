using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace NanoTlv.Portability.Tests;

/// <summary>Looks into an image, to prove that a snippet contains what a test relies on.</summary>
internal static class CecilInspection
{
    /// <summary>Gets the full names of all types defined in an image.</summary>
    /// <param name="image">The image.</param>
    /// <returns>The type names.</returns>
    public static IReadOnlyList<string> TypeNames(byte[] image)
    {
        using var stream = new MemoryStream(image);
        using var assembly = AssemblyDefinition.ReadAssembly(stream);
        return assembly.MainModule.GetTypes().Select(t => t.FullName).ToList();
    }

    /// <summary>Gets the opcode names used by a method.</summary>
    /// <param name="image">The image.</param>
    /// <param name="typeName">The full type name.</param>
    /// <param name="methodName">The method name.</param>
    /// <returns>The opcode names, e.g. <c>add.ovf</c>.</returns>
    public static IReadOnlyList<string> OpCodes(byte[] image, string typeName, string methodName)
    {
        using var stream = new MemoryStream(image);
        using var assembly = AssemblyDefinition.ReadAssembly(stream);
        var method = assembly.MainModule.GetType(typeName).Methods.Single(m => m.Name == methodName);
        return method.Body.Instructions.Select(i => i.OpCode.Name).ToList();
    }
}
