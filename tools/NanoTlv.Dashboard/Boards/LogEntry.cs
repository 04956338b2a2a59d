namespace NanoTlv.Dashboard.Boards
{
    /// <summary>One line of a board's event and error log.</summary>
    /// <param name="TimeMs">Host time, Unix milliseconds.</param>
    /// <param name="Kind">"event", "error" or "info".</param>
    /// <param name="Text">What happened.</param>
    public sealed record LogEntry(long TimeMs, string Kind, string Text);
}
