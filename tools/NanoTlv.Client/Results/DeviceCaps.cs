using System.Collections.Generic;
using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>What the board has (CAPS): every pin and what it can do, and the sensors SENSOR_READ reads.</summary>
    /// <param name="Pins">Every pin, reserved ones included, in the device's order.</param>
    /// <param name="Sensors">The sensors, in ascending kind order; null when the firmware predates the sensor list (its
    /// CAPS reply ends after the pins).</param>
    public sealed record DeviceCaps(IReadOnlyList<PinCapability> Pins, IReadOnlyList<SensorCapability>? Sensors)
    {
        /// <summary>The CAPS entry of <paramref name="kind"/>, or null when the board does not list it (or lists no
        /// sensors at all).</summary>
        /// <param name="kind">A sensor kind.</param>
        /// <returns>The entry, or null.</returns>
        public SensorCapability? FindSensor(SensorKind kind)
        {
            if (Sensors is null)
            {
                return null;
            }

            foreach (SensorCapability sensor in Sensors)
            {
                if (sensor.Kind == kind)
                {
                    return sensor;
                }
            }

            return null;
        }
    }
}
