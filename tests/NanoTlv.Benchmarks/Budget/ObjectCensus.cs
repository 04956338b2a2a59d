using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace NanoTlv.Benchmarks.Budget;

/// <summary>
/// The objects reachable from a root through fields, leaving out everything reachable from other roots (the
/// board and its drivers, the log, the options the caller owns), and an estimate of what they would take on nanoFramework, whose heap differs from
/// .NET's: there every object is a 12-byte header block plus one 12-byte block per field, whatever the field's
/// type, while an array is a header block plus its elements packed (bytes take 1 byte each, references a 12-byte
/// block each). The estimate (<see cref="NanoFrameworkBytes"/>) follows that model, rounding each allocation up to
/// whole 12-byte blocks; it is a model, not a measurement on the device. Objects of runtime types (locks, wait
/// handles) are counted as one header block and not followed.
/// </summary>
public sealed class ObjectCensus
{
    private const int BlockBytes = 12;
    private const int ArrayHeaderBytes = BlockBytes + 8;
    private const int StringHeaderBytes = BlockBytes + 4;
    private const string OwnNamespace = "NanoTlv";

    /// <summary>Objects of the firmware's own types.</summary>
    public int Objects { get; private set; }

    /// <summary>Fields of those objects.</summary>
    public int Fields { get; private set; }

    /// <summary>Arrays.</summary>
    public int Arrays { get; private set; }

    /// <summary>Element bytes of the arrays of primitives (the buffers).</summary>
    public long PrimitiveArrayBytes { get; private set; }

    /// <summary>Strings (names kept for logs).</summary>
    public int Strings { get; private set; }

    /// <summary>Objects of runtime types (lock objects, wait handles), not followed.</summary>
    public int RuntimeObjects { get; private set; }

    /// <summary>Estimated bytes on nanoFramework's heap (see the class remarks).</summary>
    public long NanoFrameworkBytes { get; private set; }

    /// <summary>Takes the census of everything reachable from <paramref name="root"/> but not from
    /// <paramref name="excludedRoots"/> (what the board, the log and the caller own).</summary>
    public static ObjectCensus Take(object root, IEnumerable<object> excludedRoots)
    {
        var excluded = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(excludedRoots, excluded, new ObjectCensus());
        var census = new ObjectCensus();
        Walk([root], excluded, census);
        return census;
    }

    private static void Walk(IEnumerable<object> roots, HashSet<object> seen, ObjectCensus census)
    {
        var pending = new Stack<object>(roots);
        while (pending.Count > 0)
        {
            object item = pending.Pop();
            if (!seen.Add(item))
            {
                continue;
            }

            foreach (object next in census.Count(item))
            {
                pending.Push(next);
            }
        }
    }

    private static long Blocks(long bytes) => (bytes + BlockBytes - 1) / BlockBytes * BlockBytes;

    private static IEnumerable<FieldInfo> InstanceFields(Type type)
    {
        for (Type? current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (FieldInfo field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }

    private static int ElementBytes(Type elementType) =>
        elementType.IsEnum ? ElementBytes(Enum.GetUnderlyingType(elementType))
        : elementType == typeof(bool) || elementType == typeof(byte) || elementType == typeof(sbyte) ? 1
        : elementType == typeof(short) || elementType == typeof(ushort) || elementType == typeof(char) ? 2
        : elementType == typeof(long) || elementType == typeof(ulong) || elementType == typeof(double) ? 8
        : 4;

    private List<object> Count(object item)
    {
        var next = new List<object>();
        Type type = item.GetType();
        if (item is string text)
        {
            Strings++;
            NanoFrameworkBytes += Blocks(StringHeaderBytes + text.Length + 1);
        }
        else if (item is Array array)
        {
            Arrays++;
            Type element = type.GetElementType()!;
            if (element.IsPrimitive || element.IsEnum)
            {
                long bytes = (long)array.Length * ElementBytes(element);
                PrimitiveArrayBytes += bytes;
                NanoFrameworkBytes += Blocks(ArrayHeaderBytes + bytes);
            }
            else
            {
                NanoFrameworkBytes += Blocks(ArrayHeaderBytes + ((long)array.Length * BlockBytes));
                next.AddRange(array.Cast<object?>().Where(e => e is not null)!);
            }
        }
        else if (type.Namespace?.StartsWith(OwnNamespace, StringComparison.Ordinal) == true)
        {
            FieldInfo[] fields = InstanceFields(type).ToArray();
            Objects++;
            Fields += fields.Length;
            NanoFrameworkBytes += BlockBytes * (1L + fields.Length);
            next.AddRange(fields.Where(f => !f.FieldType.IsValueType).Select(f => f.GetValue(item)).Where(v => v is not null)!);
        }
        else
        {
            RuntimeObjects++;
            NanoFrameworkBytes += BlockBytes;
        }

        return next;
    }
}
