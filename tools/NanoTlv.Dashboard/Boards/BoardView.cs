using System.Collections.Generic;

namespace NanoTlv.Dashboard.Boards
{
    /// <summary>Everything the page shows of one board (sent to the browser; holds no token).</summary>
    /// <param name="Id">Index of the board in the dashboard, used in URLs.</param>
    /// <param name="Address">host:port.</param>
    /// <param name="Connection">Connection state.</param>
    /// <param name="Name">Device name from HELLO, or null before the first HELLO.</param>
    /// <param name="Firmware">Firmware version from HELLO, or null.</param>
    /// <param name="ProtocolVersion">Protocol version from HELLO, or null.</param>
    /// <param name="Authenticated">Whether HELLO authenticated this connection.</param>
    /// <param name="LastError">The last connection or command error, or null.</param>
    /// <param name="Pins">The board's pins from CAPS, with what the dashboard knows of them.</param>
    /// <param name="Adc">The last ADC readings.</param>
    /// <param name="Bme280">BME280 readings, oldest first, or empty when there is none.</param>
    /// <param name="Log">Recent events and errors, oldest first.</param>
    public sealed record BoardView(
        int Id,
        string Address,
        ConnectionState Connection,
        string? Name,
        string? Firmware,
        int? ProtocolVersion,
        bool Authenticated,
        string? LastError,
        IReadOnlyList<PinView> Pins,
        IReadOnlyList<AdcView> Adc,
        IReadOnlyList<Bme280Point> Bme280,
        IReadOnlyList<LogEntry> Log);
}
