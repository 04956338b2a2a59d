namespace NanoTlv.Portability;

/// <summary>
/// Reports violations found at one place: a type, optionally a method, and optionally a context that
/// says which part of a type-level construct is at fault (e.g. <c>field _items</c>).
/// </summary>
internal sealed class ViolationReporter(ViolationCollector collector, string? type, string? method, string? context)
{
    public static ViolationReporter ForAssembly(ViolationCollector collector, string? context = null) =>
        new(collector, null, null, context);

    public ViolationReporter WithContext(string newContext) => new(collector, type, method, newContext);

    public void Report(PortabilityRule rule, string reason)
    {
        var fullReason = context is null ? reason : $"{context}: {reason}";
        collector.Add(new Violation(collector.Assembly, type, method, rule, fullReason));
    }

    public void Warn(string message)
    {
        var where = type is null ? string.Empty : method is null ? $"{type}: " : $"{type}::{method}: ";
        collector.Warn(where + message);
    }
}
