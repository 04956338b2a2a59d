using System;
using System.IO;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NanoTlv.Portability.Tests;

/// <summary>Rewrites a method body with Mono.Cecil, for opcodes that C# never emits.</summary>
internal static class IlPatcher
{
    /// <summary>Replaces the body of a method with the given instructions followed by <c>ret</c>.</summary>
    /// <param name="image">The assembly image.</param>
    /// <param name="typeName">The full name of the type.</param>
    /// <param name="methodName">The method name.</param>
    /// <param name="emit">Emits the new instructions; it gets the module to import references into.</param>
    /// <returns>The rewritten image.</returns>
    public static byte[] ReplaceBody(byte[] image, string typeName, string methodName, Action<ILProcessor, MethodDefinition> emit)
    {
        using var input = new MemoryStream(image);
        using var assembly = AssemblyDefinition.ReadAssembly(input);
        var method = assembly.MainModule.GetType(typeName).Methods.Single(m => m.Name == methodName);
        method.Body.Instructions.Clear();
        method.Body.Variables.Clear();
        method.Body.ExceptionHandlers.Clear();
        var il = method.Body.GetILProcessor();
        emit(il, method);
        il.Emit(OpCodes.Ret);
        using var output = new MemoryStream();
        assembly.Write(output);
        return output.ToArray();
    }
}
