using System.Linq;
using Xunit;

namespace NanoTlv.Portability.Tests;

public sealed class MethodCountRuleTests
{
    [Fact]
    public void StaticClassWith256StaticMethods_IsReported()
    {
        var result = Snippets.CompileAndCheck(TypeWithMethods("public static class Many", "public static void M{0}() {{ }}", 256));

        ViolationAssert.Single(result, PortabilityRule.TooManyMethods, "N.Many", null, "256 static methods");
    }

    [Fact]
    public void StaticClassWith255StaticMethods_IsClean()
    {
        var result = Snippets.CompileAndCheck(TypeWithMethods("public static class Many", "public static void M{0}() {{ }}", 255));

        ViolationAssert.Clean(result);
    }

    [Fact]
    public void StructWith256InstanceMethods_IsReported()
    {
        var result = Snippets.CompileAndCheck(TypeWithMethods("public struct Many", "public int M{0}() => {0};", 256));

        ViolationAssert.Single(result, PortabilityRule.TooManyMethods, "N.Many", null, "256 non-virtual instance methods");
    }

    [Fact]
    public void AbstractClassWith256VirtualMethods_IsReported()
    {
        var result = Snippets.CompileAndCheck(TypeWithMethods("public abstract class Many", "public abstract void M{0}();", 256));

        ViolationAssert.Single(result, PortabilityRule.TooManyMethods, "N.Many", null, "256 virtual methods");
    }

    private static string TypeWithMethods(string declaration, string methodFormat, int count) =>
        $"namespace N {{ {declaration} {{ {string.Concat(Enumerable.Range(0, count).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, methodFormat, i)))} }} }}";
}
