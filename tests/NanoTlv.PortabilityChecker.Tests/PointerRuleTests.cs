using Xunit;

namespace NanoTlv.Portability.Tests;

public sealed class PointerRuleTests
{
    [Fact]
    public void PointerParameter_IsReported()
    {
        var result = Snippets.CompileAndCheck("namespace N { public static unsafe class Raw { public static int Read(int* value) => *value; } }");

        ViolationAssert.Single(result, PortabilityRule.PointerType, "N.Raw", "Read(System.Int32*)", "pointer type System.Int32*");
    }

    [Fact]
    public void PointerField_IsReported()
    {
        var result = Snippets.CompileAndCheck("namespace N { public unsafe class Raw { public byte* Cursor; } }");

        ViolationAssert.Single(result, PortabilityRule.PointerType, "N.Raw", null, "field Cursor: pointer type System.Byte*");
    }

    [Fact]
    public void PointerLocal_IsReported()
    {
        var result = Snippets.CompileAndCheck("namespace N { public static unsafe class Raw { public static int Run() { int value = 1; int* address = &value; return *address; } } }");

        ViolationAssert.Single(result, PortabilityRule.PointerType, "N.Raw", "Run()", "pointer type System.Int32*");
    }

    [Fact]
    public void FunctionPointerField_IsReported()
    {
        var result = Snippets.CompileAndCheck("namespace N { public unsafe class Raw { public delegate*<int, void> Callback; } }");

        ViolationAssert.Single(result, PortabilityRule.PointerType, "N.Raw", null, "field Callback: function pointer type");
    }
}
