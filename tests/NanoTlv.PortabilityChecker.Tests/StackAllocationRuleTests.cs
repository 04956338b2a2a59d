using Xunit;

namespace NanoTlv.Portability.Tests;

public sealed class StackAllocationRuleTests
{
    [Fact]
    public void StackallocToPointer_IsReported()
    {
        var result = Snippets.CompileAndCheck("""
            namespace N
            {
                public static unsafe class Scratch
                {
                    public static int Run() { int* buffer = stackalloc int[4]; buffer[0] = 1; return buffer[0]; }
                }
            }
            """);

        ViolationAssert.Single(result, PortabilityRule.StackAllocation, "N.Scratch", "Run()", "localloc (stackalloc)");
    }

    [Fact]
    public void StackallocToSpan_IsReported()
    {
        // No pointer in the source; the compiler still calls Span<byte>..ctor(void*, int).
        var image = SnippetCompiler.CompileAgainstDotNet("""
            namespace N
            {
                public static class Scratch
                {
                    public static int Run() { System.Span<byte> buffer = stackalloc byte[4]; buffer[0] = 1; return buffer[0]; }
                }
            }
            """);

        var result = Snippets.Check(image, "System.Private.CoreLib");

        ViolationAssert.Single(result, PortabilityRule.StackAllocation, "N.Scratch", "Run()", "localloc (stackalloc)");
        ViolationAssert.Single(result, PortabilityRule.PointerType, "N.Scratch", "Run()", "pointer type System.Void*");
    }
}
