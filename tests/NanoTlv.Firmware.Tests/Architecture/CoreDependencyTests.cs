using Mono.Cecil;
using Mono.Cecil.Cil;
using NanoTlv.Firmware;
using Xunit;

namespace NanoTlv.Firmware.Tests.Architecture;

/// <summary>
/// The firmware core's folders depend on each other in one direction only (firmware/NanoTlv.Firmware.Core/README.md):
/// every type reference in the compiled assembly is read with Mono.Cecil and checked against the allowed table.
/// </summary>
public class CoreDependencyTests
{
    private const string CoreNamespace = "NanoTlv.Firmware";

    /// <summary>Root-namespace types every folder may use: they reference no folder themselves.</summary>
    private static readonly string[] SharedRootTypes = ["NanoTlv.Firmware.ILog", "NanoTlv.Firmware.DeviceOptions"];

    /// <summary>The composition root: it builds everything, so it may reference every folder; nothing references it.</summary>
    private const string CompositionRoot = "NanoTlv.Firmware.DeviceServer";

    /// <summary>Folder → the folders it may reference (the table of the core's README).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Board"] = [],
        ["Transport"] = [],
        ["Diagnostics"] = [],
        ["Security"] = [],
        ["Sensors"] = ["Board"],
        ["Pulses"] = ["Board"],
        ["Events"] = ["Board"],
        ["Discovery"] = ["Board", "Transport"],
        ["Pins"] = ["Board", "Events", "Pulses"],
        ["Dispatch"] = ["Security"],
        ["Commands"] = ["Board", "Diagnostics", "Dispatch", "Pins", "Security", "Sensors"],
        ["Session"] = ["Board", "Diagnostics", "Dispatch", "Events", "Security", "Transport"],
        ["Server"] = ["Diagnostics", "Pins", "Session", "Transport"],
    };

    [Fact]
    public void Every_reference_between_core_folders_runs_in_the_allowed_direction()
    {
        List<string> violations = [];
        foreach ((TypeDefinition type, TypeDefinition target) in CoreReferences())
        {
            string from = FolderOf(type);
            string to = FolderOf(target);
            if (from == to || type.FullName == CompositionRoot || SharedRootTypes.Contains(target.FullName))
            {
                continue;
            }

            bool allowed = from.Length > 0 && Allowed.TryGetValue(from, out string[]? targets) && targets.Contains(to);
            if (!allowed)
            {
                violations.Add(Describe(type) + " → " + Describe(target));
            }
        }

        Assert.True(violations.Count == 0, "References against the allowed direction (see firmware/NanoTlv.Firmware.Core/README.md):\n" + string.Join("\n", violations.Distinct().Order()));
    }

    [Fact]
    public void Every_core_folder_is_in_the_table()
    {
        string[] folders = CoreTypes().Select(FolderOf).Where(f => f.Length > 0).Distinct().Order().ToArray();
        Assert.Equal(Allowed.Keys.Order().ToArray(), folders);
    }

    [Fact]
    public void The_allowed_table_has_no_cycle()
    {
        foreach (string start in Allowed.Keys)
        {
            HashSet<string> reached = [];
            Stack<string> pending = new(Allowed[start]);
            while (pending.Count > 0)
            {
                string next = pending.Pop();
                Assert.True(next != start, start + " reaches itself through the table.");
                if (reached.Add(next))
                {
                    foreach (string further in Allowed[next])
                    {
                        pending.Push(further);
                    }
                }
            }
        }
    }

    [Fact]
    public void The_checker_sees_references_from_signatures_fields_and_bodies()
    {
        // Guards the test itself: known references of each kind must be found.
        var pairs = CoreReferences().Select(p => p.From.Name + "→" + p.To.Name).ToHashSet();
        Assert.Contains("PinService→PulseScheduler", pairs);   // field
        Assert.Contains("SessionOutput→IReplyChannel", pairs);  // interface
        Assert.Contains("CommandSet→Bme280Reader", pairs);      // method body (newobj)
        Assert.Contains("DeviceServer→PinService", pairs);
    }

    private static IEnumerable<TypeDefinition> CoreTypes()
    {
        ModuleDefinition module = ModuleDefinition.ReadModule(typeof(DeviceServer).Assembly.Location);
        return module.GetTypes().Where(t => t.Namespace.Length > 0 || t.DeclaringType != null).Where(t => !t.Name.StartsWith('<'));
    }

    private static IEnumerable<(TypeDefinition From, TypeDefinition To)> CoreReferences()
    {
        foreach (TypeDefinition type in CoreTypes())
        {
            HashSet<TypeDefinition> targets = [];
            foreach (TypeReference reference in ReferencedTypes(type))
            {
                TypeDefinition? target = Resolve(reference, type.Module);
                if (target != null && Outermost(target) != Outermost(type))
                {
                    targets.Add(Outermost(target));
                }
            }

            foreach (TypeDefinition target in targets)
            {
                yield return (Outermost(type), target);
            }
        }
    }

    private static IEnumerable<TypeReference> ReferencedTypes(TypeDefinition type)
    {
        if (type.BaseType != null)
        {
            yield return type.BaseType;
        }

        foreach (InterfaceImplementation implemented in type.Interfaces)
        {
            yield return implemented.InterfaceType;
        }

        foreach (FieldDefinition field in type.Fields)
        {
            yield return field.FieldType;
        }

        foreach (PropertyDefinition property in type.Properties)
        {
            yield return property.PropertyType;
        }

        foreach (MethodDefinition method in type.Methods)
        {
            yield return method.ReturnType;
            foreach (ParameterDefinition parameter in method.Parameters)
            {
                yield return parameter.ParameterType;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (VariableDefinition variable in method.Body.Variables)
            {
                yield return variable.VariableType;
            }

            foreach (Instruction instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference typeReference:
                        yield return typeReference;
                        break;
                    case MethodReference methodReference:
                        yield return methodReference.DeclaringType;
                        yield return methodReference.ReturnType;
                        foreach (ParameterDefinition parameter in methodReference.Parameters)
                        {
                            yield return parameter.ParameterType;
                        }

                        break;
                    case FieldReference fieldReference:
                        yield return fieldReference.DeclaringType;
                        yield return fieldReference.FieldType;
                        break;
                }
            }
        }
    }

    /// <summary>The core type a reference names (arrays, by-refs and nullables unwrapped), or null for other assemblies.</summary>
    private static TypeDefinition? Resolve(TypeReference reference, ModuleDefinition module)
    {
        while (reference is TypeSpecification specification)
        {
            reference = specification.ElementType;
        }

        if (reference.Scope is not ModuleDefinition scope || scope != module)
        {
            return null;
        }

        TypeDefinition? definition = reference.Resolve();
        return definition != null && !Outermost(definition).Name.StartsWith('<') ? definition : null;
    }

    private static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType == null ? type : Outermost(type.DeclaringType);

    /// <summary>"Pins" for NanoTlv.Firmware.Pins.PinService; "" for the root namespace.</summary>
    private static string FolderOf(TypeDefinition type)
    {
        string ns = Outermost(type).Namespace;
        return ns.Length > CoreNamespace.Length ? ns[(CoreNamespace.Length + 1)..].Split('.')[0] : string.Empty;
    }

    private static string Describe(TypeDefinition type)
    {
        string folder = FolderOf(type);
        return (folder.Length == 0 ? "(root)" : folder) + "." + Outermost(type).Name;
    }
}
