using Xunit;

namespace NanoTlv.Portability.Tests;

public sealed class ArrayRuleTests
{
    [Fact]
    public void MultidimensionalLocal_IsReported()
    {
        var result = Snippets.CompileAndCheck("""
            namespace N
            {
                public static class Grid
                {
                    public static int Run() { var cells = new int[2, 3]; cells[1, 2] = 5; return cells[1, 2]; }
                }
            }
            """);

        ViolationAssert.Single(result, PortabilityRule.MultidimensionalArray, "N.Grid", "Run()", "multidimensional array System.Int32[,]");
    }

    [Fact]
    public void MultidimensionalArrayOnlyInNewobjOperand_IsReported()
    {
        const string Source = "namespace N { public static class Grid { public static int Length() => new int[2, 3].Length; } }";
        var image = SnippetCompiler.Compile(Source);
        Assert.Contains("newobj", CecilInspection.OpCodes(image, "N.Grid", "Length"));

        ViolationAssert.Single(Snippets.Check(image), PortabilityRule.MultidimensionalArray, "N.Grid", "Length()", "multidimensional array System.Int32[,]");
    }

    [Fact]
    public void MultidimensionalParameter_IsReported()
    {
        var result = Snippets.CompileAndCheck("namespace N { public static class Grid { public static void Take(byte[,,] cube) { } } }");

        ViolationAssert.Single(result, PortabilityRule.MultidimensionalArray, "N.Grid", "Take(System.Byte[,,])", "multidimensional array System.Byte[,,]");
    }

    [Fact]
    public void MultidimensionalField_IsReported()
    {
        var result = Snippets.CompileAndCheck("namespace N { public class Grid { public int[,] Cells; } }");

        ViolationAssert.Single(result, PortabilityRule.MultidimensionalArray, "N.Grid", null, "field Cells: multidimensional array System.Int32[,]");
    }

    [Fact]
    public void JaggedArray_IsNotReported()
    {
        var result = Snippets.CompileAndCheck("namespace N { public static class Grid { public static int[][] Rows() { var rows = new int[2][]; rows[0] = new int[3]; return rows; } } }");

        ViolationAssert.Clean(result);
    }
}
