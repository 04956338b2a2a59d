using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit;

namespace NanoTlv.Portability.Tests;

public sealed class OpCodeRuleTests
{
    private const string Scaffold = "namespace N { public static class Raw { public static void Run() { } } }";

    /// <summary>How to emit each opcode that nanoCLR does not execute (C# emits none of them).</summary>
    private static readonly Dictionary<string, Action<ILProcessor, MethodDefinition>> UnsupportedEmitters = new()
    {
        ["arglist"] = (il, _) => { il.Emit(OpCodes.Arglist); il.Emit(OpCodes.Pop); },
        ["cpblk"] = (il, _) => { PushZeros(il, 3); il.Emit(OpCodes.Cpblk); },
        ["initblk"] = (il, _) => { PushZeros(il, 3); il.Emit(OpCodes.Initblk); },
        ["jmp"] = (il, method) => il.Emit(OpCodes.Jmp, method),
        ["calli"] = (il, method) => { il.Emit(OpCodes.Ldc_I4_0); il.Emit(OpCodes.Calli, new CallSite(method.Module.TypeSystem.Void)); },
        ["ckfinite"] = (il, _) => { il.Emit(OpCodes.Ldc_R8, 1.0); il.Emit(OpCodes.Ckfinite); il.Emit(OpCodes.Pop); },
        ["mkrefany"] = (il, method) => { il.Emit(OpCodes.Ldnull); il.Emit(OpCodes.Mkrefany, method.Module.TypeSystem.Int32); il.Emit(OpCodes.Pop); },
        ["refanytype"] = (il, _) => { il.Emit(OpCodes.Ldnull); il.Emit(OpCodes.Refanytype); il.Emit(OpCodes.Pop); },
        ["refanyval"] = (il, method) => { il.Emit(OpCodes.Ldnull); il.Emit(OpCodes.Refanyval, method.Module.TypeSystem.Int32); il.Emit(OpCodes.Pop); },
    };

    public static TheoryData<string> UnsupportedOpCodeNames => new(UnsupportedEmitters.Keys);

    /// <summary>Every overflow-checked opcode, taken from Cecil's opcode table rather than from the checker.</summary>
    public static TheoryData<string> OverflowCheckedOpCodeNames => new(OverflowCheckedOpCodes().Select(o => o.Name));

    [Fact]
    public void Scaffold_WithPlainBody_IsClean()
    {
        var image = IlPatcher.ReplaceBody(SnippetCompiler.Compile(Scaffold), "N.Raw", "Run", (il, _) => il.Emit(OpCodes.Nop));

        ViolationAssert.Clean(Snippets.Check(image));
    }

    [Theory]
    [MemberData(nameof(UnsupportedOpCodeNames))]
    public void UnsupportedOpCode_IsReported(string opCodeName)
    {
        var image = IlPatcher.ReplaceBody(SnippetCompiler.Compile(Scaffold), "N.Raw", "Run", UnsupportedEmitters[opCodeName]);
        Assert.Contains(opCodeName, CecilInspection.OpCodes(image, "N.Raw", "Run"));

        var result = Snippets.Check(image);

        ViolationAssert.Single(result, PortabilityRule.UnsupportedOpCode, "N.Raw", "Run()", $"opcode {opCodeName} is not executed by nanoCLR");
        ViolationAssert.OnlyRule(result, PortabilityRule.UnsupportedOpCode);
    }

    [Fact]
    public void OverflowCheckedOpCodes_AreAllEnumerated()
    {
        // add/sub/mul with .ovf and .ovf.un, conv.ovf.{i1,i2,i4,i8,u1,u2,u4,u8,i,u} with and without .un.
        Assert.Equal(6 + 20, OverflowCheckedOpCodes().Count());
    }

    [Theory]
    [MemberData(nameof(OverflowCheckedOpCodeNames))]
    public void OverflowCheckedOpCode_IsReported(string opCodeName)
    {
        var opCode = AllOpCodes().Single(o => o.Name == opCodeName);
        var image = IlPatcher.ReplaceBody(SnippetCompiler.Compile(Scaffold), "N.Raw", "Run", (il, _) =>
        {
            PushZeros(il, opCode.StackBehaviourPop == StackBehaviour.Pop1_pop1 ? 2 : 1);
            il.Emit(opCode);
            il.Emit(OpCodes.Pop);
        });

        var result = Snippets.Check(image);

        ViolationAssert.Single(result, PortabilityRule.OverflowCheckedOpCode, "N.Raw", "Run()", $"overflow-checked opcode {opCodeName} ");
        ViolationAssert.OnlyRule(result, PortabilityRule.OverflowCheckedOpCode);
    }

    [Theory]
    [InlineData("public static int Add(int a, int b) => checked(a + b);", "Add", "Add(System.Int32,System.Int32)", "add.ovf")]
    [InlineData("public static uint Multiply(uint a, uint b) => checked(a * b);", "Multiply", "Multiply(System.UInt32,System.UInt32)", "mul.ovf.un")]
    [InlineData("public static byte Narrow(int value) => checked((byte)value);", "Narrow", "Narrow(System.Int32)", "conv.ovf.u1")]
    public void CheckedCSharpArithmetic_IsReported(string member, string methodName, string method, string opCodeName)
    {
        var image = SnippetCompiler.Compile($"namespace N {{ public static class Math2 {{ {member} }} }}");
        Assert.Contains(opCodeName, CecilInspection.OpCodes(image, "N.Math2", methodName));

        ViolationAssert.Single(Snippets.Check(image), PortabilityRule.OverflowCheckedOpCode, "N.Math2", method, $"overflow-checked opcode {opCodeName} ");
    }

    [Fact]
    public void UncheckedArithmetic_IsNotReported()
    {
        var result = Snippets.CompileAndCheck("namespace N { public static class Math2 { public static int Add(int a, int b) => unchecked(a + b); public static byte Narrow(int v) => (byte)v; } }");

        ViolationAssert.Clean(result);
    }

    private static void PushZeros(ILProcessor il, int count)
    {
        for (var i = 0; i < count; i++)
        {
            il.Emit(OpCodes.Ldc_I4_0);
        }
    }

    private static IEnumerable<OpCode> OverflowCheckedOpCodes() =>
        AllOpCodes().Where(o => o.Name.Contains(".ovf", StringComparison.Ordinal));

    private static IEnumerable<OpCode> AllOpCodes() =>
        typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(OpCode))
            .Select(f => (OpCode)f.GetValue(null)!);
}
