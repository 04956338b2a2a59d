namespace NanoTlv.Portability;

/// <summary>The endings of violation messages that say why nanoFramework cannot run a construct.</summary>
internal static class NotSupported
{
    public const string NoGenerics = "is not supported by nanoFramework (no generics)";

    public const string NoUnsafeCode = "is not supported by nanoFramework (no unsafe code)";
}
