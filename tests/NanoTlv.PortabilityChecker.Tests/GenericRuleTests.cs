using System.Linq;
using Xunit;

namespace NanoTlv.Portability.Tests;

public sealed class GenericRuleTests
{
    [Fact]
    public void GenericClassDefinition_IsReported()
    {
        var result = Snippets.CompileAndCheck("namespace N { public class Box<T> { public T Value; } }");

        ViolationAssert.Single(result, PortabilityRule.GenericDefinition, "N.Box`1", null, "generic type definition N.Box`1");
    }

    [Fact]
    public void GenericMethodDefinition_IsReported()
    {
        var result = Snippets.CompileAndCheck("namespace N { public static class Util { public static T Id<T>(T value) => value; } }");

        ViolationAssert.Single(result, PortabilityRule.GenericDefinition, "N.Util", "Id(T)", "generic method definition Id<T>");
    }

    [Fact]
    public void ListOfIntLocal_IsReported()
    {
        var image = SnippetCompiler.CompileAgainstDotNet("""
            namespace N
            {
                public static class Use
                {
                    public static int Run() { var list = new System.Collections.Generic.List<int>(); list.Add(1); return list.Count; }
                }
            }
            """);

        var violation = ViolationAssert.Single(
            Snippets.Check(image, "System.Private.CoreLib"),
            PortabilityRule.GenericInstantiation,
            "N.Use",
            "Run()",
            "generic instantiation System.Collections.Generic.List`1<System.Int32>");

        Assert.Equal(
            "Offending.dll: N.Use::Run(): generic instantiation System.Collections.Generic.List`1<System.Int32> is not supported by nanoFramework (no generics)",
            violation.ToString());
    }

    [Fact]
    public void ActionOfIntParameter_FromNanoFrameworkMscorlib_IsReported()
    {
        // nanoFramework's mscorlib declares Action<T>, so this compiles for the device, yet nanoCLR cannot run it.
        var result = Snippets.CompileAndCheck("namespace N { public static class Use { public static void Run(System.Action<int> callback) => callback(1); } }");

        ViolationAssert.Single(
            result,
            PortabilityRule.GenericInstantiation,
            "N.Use",
            "Run(System.Action`1<System.Int32>)",
            "generic instantiation System.Action`1<System.Int32>");
    }

    [Fact]
    public void GenericEventHandler_IsReportedOnTheEventAndItsAccessors()
    {
        var result = Snippets.CompileAndCheck("namespace N { public class Source { public event System.EventHandler<System.EventArgs> Raised; } }");

        const string Instance = "generic instantiation System.EventHandler`1<System.EventArgs>";
        ViolationAssert.Single(result, PortabilityRule.GenericInstantiation, "N.Source", null, "event Raised: " + Instance);
        ViolationAssert.Single(result, PortabilityRule.GenericInstantiation, "N.Source", "add_Raised(System.EventHandler`1<System.EventArgs>)", Instance);
    }

    [Fact]
    public void GenericFieldType_IsReportedWithTheFieldName()
    {
        var result = Snippets.CompileAndCheck("namespace N { public class Holder { public System.Func<int, int> Map; } }");

        ViolationAssert.Single(
            result,
            PortabilityRule.GenericInstantiation,
            "N.Holder",
            null,
            "field Map: generic instantiation System.Func`2<System.Int32,System.Int32>");
    }

    [Fact]
    public void GenericInstantiationInsideArrayElementType_IsReported()
    {
        var result = Snippets.CompileAndCheck("namespace N { public class Holder { public System.Action<int>[] Handlers; } }");

        ViolationAssert.Single(result, PortabilityRule.GenericInstantiation, "N.Holder", null, "field Handlers: generic instantiation System.Action`1<System.Int32>");
    }

    [Fact]
    public void LambdaWithNaturalType_IsReportedAsFuncInstantiation()
    {
        var result = Snippets.CompileAndCheck("namespace N { public static class Use { public static int Run() { var twice = (int x) => x * 2; return twice(2); } } }");

        ViolationAssert.Single(result, PortabilityRule.GenericInstantiation, "N.Use", "Run()", "System.Func`2<System.Int32,System.Int32>");
    }

    [Fact]
    public void GenericBaseTypeAndInterface_AreReported()
    {
        var image = SnippetCompiler.CompileAgainstDotNet("""
            namespace N
            {
                public sealed class Ints : System.Collections.Generic.List<int>, System.IEquatable<Ints>
                {
                    public bool Equals(Ints other) => ReferenceEquals(this, other);
                }
            }
            """);

        var result = Snippets.Check(image, "System.Private.CoreLib");

        ViolationAssert.Single(result, PortabilityRule.GenericInstantiation, "N.Ints", null, "base type: generic instantiation System.Collections.Generic.List`1<System.Int32>");
        ViolationAssert.Single(result, PortabilityRule.GenericInstantiation, "N.Ints", null, "interface: generic instantiation System.IEquatable`1<N.Ints>");
    }

    [Fact]
    public void GenericTypeInCustomAttributeArgument_IsReported()
    {
        var result = Snippets.CompileAndCheck("""
            namespace N
            {
                public sealed class MarkerAttribute : System.Attribute { public MarkerAttribute(System.Type type) { } }

                [Marker(typeof(System.Action<int>))]
                public sealed class Marked { }
            }
            """);

        ViolationAssert.Single(result, PortabilityRule.GenericInstantiation, "N.Marked", null, "attribute: generic instantiation System.Action`1<System.Int32>");
    }

    [Fact]
    public void GenericMethodInstantiation_ArrayEmpty_IsReported()
    {
        var image = SnippetCompiler.CompileAgainstDotNet("namespace N { public static class Use { public static int[] Run() => System.Array.Empty<int>(); } }");

        ViolationAssert.Single(
            Snippets.Check(image, "System.Private.CoreLib"),
            PortabilityRule.GenericInstantiation,
            "N.Use",
            "Run()",
            "generic method instantiation System.Array::Empty<System.Int32>");
    }

    [Fact]
    public void OpenGenericTypeOperand_IsReported()
    {
        var image = SnippetCompiler.CompileAgainstDotNet("namespace N { public static class Use { public static System.Type Run() => typeof(System.Collections.Generic.List<>); } }");

        ViolationAssert.Single(
            Snippets.Check(image, "System.Private.CoreLib"),
            PortabilityRule.GenericInstantiation,
            "N.Use",
            "Run()",
            "open generic type System.Collections.Generic.List`1");
    }

    [Fact]
    public void IteratorStateMachine_ImplementingGenericInterfaces_IsReported()
    {
        // nanoFramework's mscorlib has no IEnumerable<T>, so C# cannot even compile an iterator against it.
        Assert.Contains("CS0518", SnippetCompiler.Errors("public static class Seq { public static System.Collections.IEnumerable Numbers() { yield return 1; } }"));
        var image = SnippetCompiler.CompileAgainstDotNet("namespace N { public static class Seq { public static System.Collections.IEnumerable Numbers() { yield return 1; } } }");

        var result = Snippets.Check(image, "System.Private.CoreLib");

        var stateMachine = Assert.Single(CecilInspection.TypeNames(image), name => name.StartsWith("N.Seq/<Numbers>", System.StringComparison.Ordinal));
        ViolationAssert.Single(result, PortabilityRule.GenericInstantiation, stateMachine, null, "interface: generic instantiation System.Collections.Generic.IEnumerable`1<System.Object>");
        Assert.Contains(result.Violations, v => v.Type == stateMachine && v.Method is not null && v.Rule == PortabilityRule.GenericInstantiation);
    }

    [Fact]
    public void GenericViolations_DoNotSpillIntoOtherTypes()
    {
        var result = Snippets.CompileAndCheck("""
            namespace N
            {
                public class Box<T> { public T Value; }
                public static class Plain { public static int Twice(int x) => x * 2; }
            }
            """);

        Assert.DoesNotContain(result.Violations, v => v.Type == "N.Plain");
        Assert.All(result.Violations.Where(v => v.Type == "N.Box`1"), v => Assert.Equal(PortabilityRule.GenericDefinition, v.Rule));
    }
}
