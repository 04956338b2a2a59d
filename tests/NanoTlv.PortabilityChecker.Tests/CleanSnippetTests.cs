using Xunit;

namespace NanoTlv.Portability.Tests;

public sealed class CleanSnippetTests
{
    /// <summary>Everyday device code: none of it may be flagged.</summary>
    private const string PortableCode = """
        #nullable enable
        using System;
        using System.Collections;

        [assembly: System.Reflection.AssemblyTitle("clean")]

        namespace Clean
        {
            public enum Kind : byte { None, Data, Ack }

            public struct Point { public int X; public int Y; }

            public delegate void FrameHandler(byte[] frame, int length);

            public interface IFrameSink { void Accept(byte[] frame); }

            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
            public sealed class MarkerAttribute : Attribute
            {
                public MarkerAttribute(Type type, Kind kind) { Type = type; Kind = kind; }
                public Type Type { get; }
                public Kind Kind { get; }
            }

            [Marker(typeof(Point[]), Kind.Ack)]
            public sealed class Codec : IFrameSink
            {
                private static readonly byte[] Table = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 };
                private readonly ArrayList frames = new ArrayList();
                private string? name;

                public event FrameHandler? FrameSeen;
                public event EventHandler? Changed;

                public int Count => frames.Count;

                public string Name { get => name ?? "none"; set { name = value; Changed?.Invoke(this, EventArgs.Empty); } }

                public void Accept(byte[] frame)
                {
                    frames.Add(frame);
                    FrameSeen?.Invoke(frame, frame.Length);
                }

                public static int Sum(byte[] data, int offset, int count)
                {
                    int sum = 0;
                    for (int i = offset; i < offset + count; i++) { sum = unchecked(sum + data[i] * Table[i % Table.Length]); }
                    foreach (byte b in data) { sum ^= b; }
                    return sum;
                }

                public static string Describe(Kind kind, int value)
                {
                    switch (kind)
                    {
                        case Kind.Data: return "data " + value.ToString();
                        case Kind.Ack: return $"ack {value}";
                        default: return string.Empty;
                    }
                }

                public static int Parse(string text)
                {
                    switch (text)
                    {
                        case "one": return 1; case "two": return 2; case "three": return 3;
                        case "four": return 4; case "five": return 5; case "six": return 6; case "seven": return 7;
                        default:
                            try { return int.Parse(text); }
                            catch (FormatException) { return -1; }
                            finally { Table[0] = 1; }
                    }
                }

                public static int[][] Jagged(int n)
                {
                    var rows = new int[n][];
                    for (int i = 0; i < n; i++) { rows[i] = new int[i + 1]; }
                    return rows;
                }

                public static void Copy(ref Point target, in Point source, out int moved)
                {
                    target = source;
                    moved = (int)(uint)source.X + (byte)source.Y;
                }

                public static FrameHandler Counter(int[] total) => (frame, length) => total[0] += length;

                public static IEnumerable Frames(byte[] data)
                {
                    var list = new ArrayList();
                    list.Add(data);
                    return list;
                }

                public static long Widen(int value) => value * 1000L;

                public static double Ratio(int a, int b) => b == 0 ? double.NaN : (double)a / b;
            }
        }
        """;

    [Fact]
    public void PortableSnippet_HasNoViolation()
    {
        var result = Snippets.CompileAndCheck(PortableCode);

        ViolationAssert.Clean(result);
        Assert.Equal(1, result.AssemblyCount);
        Assert.True(result.TypeCount >= 7, $"only {result.TypeCount} types were checked");
        Assert.True(result.MethodCount >= 20, $"only {result.MethodCount} methods were checked");
    }

    [Fact]
    public void PortableSnippet_WithNullableAnnotations_EmbedsCompilerAttributesThatAreAccepted()
    {
        var image = SnippetCompiler.Compile(PortableCode);

        var embedded = CecilInspection.TypeNames(image);

        Assert.Contains("System.Runtime.CompilerServices.NullableAttribute", embedded);
        ViolationAssert.Clean(Snippets.Check(image));
    }
}
