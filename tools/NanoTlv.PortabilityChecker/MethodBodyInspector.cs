using Mono.Cecil;
using Mono.Cecil.Cil;

namespace NanoTlv.Portability;

/// <summary>Inspects a method body: local types, exception handler types, opcodes and operands.</summary>
internal static class MethodBodyInspector
{
    public static void Inspect(MethodDefinition method, ViolationReporter reporter)
    {
        if (!method.HasBody)
        {
            return;
        }

        var body = method.Body;
        foreach (var local in body.Variables)
        {
            TypeShapeInspector.Inspect(local.VariableType, reporter);
        }

        foreach (var handler in body.ExceptionHandlers)
        {
            TypeShapeInspector.Inspect(handler.CatchType, reporter);
        }

        foreach (var instruction in body.Instructions)
        {
            OpCodeRules.Inspect(instruction.OpCode, reporter);
            InspectOperand(instruction.Operand, reporter);
        }
    }

    private static void InspectOperand(object? operand, ViolationReporter reporter)
    {
        switch (operand)
        {
            case TypeReference type:
                TypeShapeInspector.Inspect(type, reporter);
                break;
            case MethodReference method:
                MemberReferenceInspector.InspectMethod(method, reporter);
                break;
            case FieldReference field:
                MemberReferenceInspector.InspectField(field, reporter);
                break;
            case CallSite callSite:
                MemberReferenceInspector.InspectCallSite(callSite, reporter);
                break;
            default:
                // Branch targets, locals, arguments, constants and strings carry no type shape.
                break;
        }
    }
}
