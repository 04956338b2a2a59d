namespace NanoTlv.Firmware.Board
{
    /// <summary>The board's PWM driver.</summary>
    public interface IPwmOutputs
    {
        /// <summary>Starts or updates PWM on <paramref name="pin"/>.</summary>
        /// <param name="pin">GPIO number with the PWM capability.</param>
        /// <param name="frequencyHz">Frequency in hertz, above 0.</param>
        /// <param name="dutyTenThousandths">Duty, 0..10000 (10000 = 100 %).</param>
        /// <returns>False when the hardware has no free channel for the pin.</returns>
        bool Start(int pin, int frequencyHz, int dutyTenThousandths);

        /// <summary>Stops PWM on <paramref name="pin"/>; no effect when not running.</summary>
        /// <param name="pin">GPIO number.</param>
        void Stop(int pin);
    }
}
