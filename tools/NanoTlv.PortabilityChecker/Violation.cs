namespace NanoTlv.Portability;

/// <summary>One breach of a portability rule.</summary>
/// <param name="Assembly">The checked assembly, as given to the checker (usually its file name).</param>
/// <param name="Type">The full name of the offending type, or null for an assembly-level violation.</param>
/// <param name="Method">The offending method as <c>Name(ParameterTypes)</c>, or null for a type-level violation.</param>
/// <param name="Rule">The rule that is broken.</param>
/// <param name="Reason">A human-readable explanation.</param>
public sealed record Violation(string Assembly, string? Type, string? Method, PortabilityRule Rule, string Reason)
{
    /// <summary>Formats the violation as <c>Assembly: Type::Method: Reason</c>.</summary>
    /// <returns>The single-line description.</returns>
    public override string ToString()
    {
        if (Type is null)
        {
            return $"{Assembly}: {Reason}";
        }

        return Method is null
            ? $"{Assembly}: {Type}: {Reason}"
            : $"{Assembly}: {Type}::{Method}: {Reason}";
    }
}
