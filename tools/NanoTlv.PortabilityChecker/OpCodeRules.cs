using System.Collections.Frozen;
using Mono.Cecil.Cil;

namespace NanoTlv.Portability;

/// <summary>Which opcodes break a rule, and why.</summary>
internal static class OpCodeRules
{
    private static readonly FrozenSet<Code> Unsupported = new[]
    {
        Code.Arglist, Code.Cpblk, Code.Initblk, Code.Jmp, Code.Calli,
        Code.Ckfinite, Code.Mkrefany, Code.Refanytype, Code.Refanyval,
    }.ToFrozenSet();

    private static readonly FrozenSet<Code> OverflowChecked = new[]
    {
        Code.Add_Ovf, Code.Add_Ovf_Un, Code.Sub_Ovf, Code.Sub_Ovf_Un, Code.Mul_Ovf, Code.Mul_Ovf_Un,
        Code.Conv_Ovf_I1, Code.Conv_Ovf_I2, Code.Conv_Ovf_I4, Code.Conv_Ovf_I8,
        Code.Conv_Ovf_U1, Code.Conv_Ovf_U2, Code.Conv_Ovf_U4, Code.Conv_Ovf_U8,
        Code.Conv_Ovf_I, Code.Conv_Ovf_U,
        Code.Conv_Ovf_I1_Un, Code.Conv_Ovf_I2_Un, Code.Conv_Ovf_I4_Un, Code.Conv_Ovf_I8_Un,
        Code.Conv_Ovf_U1_Un, Code.Conv_Ovf_U2_Un, Code.Conv_Ovf_U4_Un, Code.Conv_Ovf_U8_Un,
        Code.Conv_Ovf_I_Un, Code.Conv_Ovf_U_Un,
    }.ToFrozenSet();

    public static void Inspect(OpCode opCode, ViolationReporter reporter)
    {
        if (opCode.Code == Code.Localloc)
        {
            reporter.Report(
                PortabilityRule.StackAllocation,
                "localloc (stackalloc) is not supported by nanoFramework");
        }
        else if (Unsupported.Contains(opCode.Code))
        {
            reporter.Report(
                PortabilityRule.UnsupportedOpCode,
                $"opcode {opCode.Name} is not executed by nanoCLR");
        }
        else if (OverflowChecked.Contains(opCode.Code))
        {
            reporter.Report(
                PortabilityRule.OverflowCheckedOpCode,
                $"overflow-checked opcode {opCode.Name} is not enforced by nanoCLR (the check is silently skipped); use unchecked code with explicit range checks");
        }
    }
}
