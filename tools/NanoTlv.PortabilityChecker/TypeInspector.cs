using Mono.Cecil;

namespace NanoTlv.Portability;

/// <summary>Checks one type definition and all of its members.</summary>
internal static class TypeInspector
{
    public static void Inspect(TypeDefinition type, ViolationCollector collector, bool checkNamespaceOrder)
    {
        var typeName = type.FullName;
        var reporter = new ViolationReporter(collector, typeName, null, null);
        if (type.HasGenericParameters)
        {
            reporter.Report(
                PortabilityRule.GenericDefinition,
                $"generic type definition {typeName} {NotSupported.NoGenerics}");
        }

        MethodCountRule.Inspect(type, reporter);
        if (checkNamespaceOrder)
        {
            MetadataProcessorOrderRule.Inspect(type, reporter);
        }

        CustomAttributeInspector.Inspect(type, reporter.WithContext("attribute"));
        TypeShapeInspector.Inspect(type.BaseType, reporter.WithContext("base type"));
        foreach (var implementation in type.Interfaces)
        {
            var interfaceReporter = reporter.WithContext("interface");
            TypeShapeInspector.Inspect(implementation.InterfaceType, interfaceReporter);
            CustomAttributeInspector.Inspect(implementation, interfaceReporter);
        }

        foreach (var field in type.Fields)
        {
            var fieldReporter = reporter.WithContext($"field {field.Name}");
            TypeShapeInspector.Inspect(field.FieldType, fieldReporter);
            CustomAttributeInspector.Inspect(field, fieldReporter);
        }

        foreach (var property in type.Properties)
        {
            CustomAttributeInspector.Inspect(property, reporter.WithContext($"property {property.Name}"));
        }

        foreach (var @event in type.Events)
        {
            var eventReporter = reporter.WithContext($"event {@event.Name}");
            TypeShapeInspector.Inspect(@event.EventType, eventReporter);
            CustomAttributeInspector.Inspect(@event, eventReporter);
        }

        foreach (var method in type.Methods)
        {
            MethodInspector.Inspect(method, new ViolationReporter(collector, typeName, MemberNames.OfMethod(method), null));
        }
    }
}
