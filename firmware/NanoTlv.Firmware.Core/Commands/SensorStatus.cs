using NanoTlv.Firmware.Sensors;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Commands
{
    /// <summary>Maps a sensor driver's <see cref="SensorResult"/> to the wire's <see cref="StatusCode"/>, in one place.</summary>
    internal static class SensorStatus
    {
        /// <summary>The wire status of a driver's result.</summary>
        /// <param name="result">The driver's result.</param>
        /// <returns>Ok, SensorAbsent, I2cBusError, Busy (no measurement yet) or BadArgument (impossible address).</returns>
        public static StatusCode Of(SensorResult result)
        {
            switch (result)
            {
                case SensorResult.Ok:
                    return StatusCode.Ok;
                case SensorResult.Absent:
                    return StatusCode.SensorAbsent;
                case SensorResult.NotReady:
                    return StatusCode.Busy;
                case SensorResult.BadAddress:
                    return StatusCode.BadArgument;
                default:
                    return StatusCode.I2cBusError;
            }
        }
    }
}
