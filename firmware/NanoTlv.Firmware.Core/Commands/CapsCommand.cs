using NanoTlv.Firmware.Board;
using NanoTlv.Firmware.Dispatch;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>CAPS: what every pin of the board can do and which sensors SENSOR_READ reads; the reply data is built
    /// once (<see cref="CapsTable"/>).</summary>
    internal sealed class CapsCommand : ICommandHandler
    {
        private readonly byte[] _data;

        /// <summary>Creates the handler and its reply data.</summary>
        /// <param name="board">The board.</param>
        /// <param name="sensors">SENSOR_READ's reader table, complete.</param>
        public CapsCommand(BoardDescription board, SensorReadCommand sensors)
        {
            _data = CapsTable.Build(board, sensors);
        }

        /// <summary>Reply data bytes on this board.</summary>
        public int ReplyBytes => _data.Length;

        /// <inheritdoc/>
        public StatusCode Execute(CommandRequest request)
        {
            request.Reply.WriteBytes(_data, 0, _data.Length);
            return StatusCode.Ok;
        }
    }
}
