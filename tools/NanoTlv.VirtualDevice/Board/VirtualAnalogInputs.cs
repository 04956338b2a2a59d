using System;
using System.Threading;
using NanoTlv.Firmware.Board;

namespace NanoTlv.VirtualDevice
{
    /// <summary>
    /// In-memory ADC: each channel holds a raw value that tests set directly or as millivolts.
    /// Defaults match the ESP32's ADC1 at 11 dB attenuation: 12 bits, <see cref="Esp32DevKitBoard.AdcFullScaleMillivolts"/> full scale.
    /// </summary>
    public sealed class VirtualAnalogInputs : IAnalogInputs
    {
        /// <summary>ESP32 ADC resolution.</summary>
        public const int DefaultResolutionBits = Esp32DevKitBoard.AdcResolutionBits;

        /// <summary>Full scale at 11 dB attenuation.</summary>
        public const int DefaultFullScaleMillivolts = Esp32DevKitBoard.AdcFullScaleMillivolts;

        private readonly int[] _raw;
        private volatile bool _simulateFault;

        /// <summary>Creates an ADC like the ESP32's: 12 bits, <see cref="Esp32DevKitBoard.AdcFullScaleMillivolts"/> full scale.</summary>
        /// <param name="channelCount">Channels 0..count-1.</param>
        public VirtualAnalogInputs(int channelCount)
            : this(channelCount, DefaultResolutionBits, DefaultFullScaleMillivolts)
        {
        }

        /// <summary>Creates an ADC.</summary>
        /// <param name="channelCount">Channels 0..count-1.</param>
        /// <param name="resolutionBits">Bits of a raw value, 1..16.</param>
        /// <param name="fullScaleMillivolts">Millivolts of the largest raw value.</param>
        public VirtualAnalogInputs(int channelCount, int resolutionBits, int fullScaleMillivolts)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channelCount);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resolutionBits);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(resolutionBits, 16);
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fullScaleMillivolts);
            _raw = new int[channelCount];
            ResolutionBits = resolutionBits;
            FullScaleMillivolts = fullScaleMillivolts;
            MaxRaw = (1 << resolutionBits) - 1;
        }

        /// <inheritdoc />
        public int ResolutionBits { get; }

        /// <inheritdoc />
        public int FullScaleMillivolts { get; }

        /// <summary>Largest raw value.</summary>
        public int MaxRaw { get; }

        /// <summary>Number of channels.</summary>
        public int ChannelCount => _raw.Length;

        /// <summary>When true every read throws, as a failing driver would (test hook for the InternalError path).</summary>
        public bool SimulateFault
        {
            get => _simulateFault;
            set => _simulateFault = value;
        }

        /// <summary>Channels an ADC needs for a board: one more than the highest channel a pin maps to (at least 1).</summary>
        /// <param name="description">The board.</param>
        /// <returns>The channel count.</returns>
        public static int ChannelCountFor(BoardDescription description)
        {
            int count = 1;
            for (int pin = 0; pin < description.PinCount; pin++)
            {
                PinDescription? described = description.GetPin(pin);
                if (described != null && described.AdcChannel >= count)
                {
                    count = described.AdcChannel + 1;
                }
            }

            return count;
        }

        /// <inheritdoc />
        public int Read(int channel) => _simulateFault
            ? throw new InvalidOperationException("ADC driver fault (test)")
            : Volatile.Read(ref _raw[RequireChannel(channel)]);

        /// <summary>Sets a channel's raw value (test hook).</summary>
        /// <param name="channel">ADC channel.</param>
        /// <param name="raw">0..<see cref="MaxRaw"/>.</param>
        public void SetRaw(int channel, int raw)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(raw);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(raw, MaxRaw);
            Volatile.Write(ref _raw[RequireChannel(channel)], raw);
        }

        /// <summary>Applies a voltage to a channel (test hook): the nearest raw value, clamped to the ADC's range
        /// as the hardware saturates.</summary>
        /// <param name="channel">ADC channel.</param>
        /// <param name="millivolts">Input voltage.</param>
        public void SetMillivolts(int channel, int millivolts) => SetRaw(channel, ToRaw(millivolts));

        /// <summary>The raw value a voltage converts to.</summary>
        /// <param name="millivolts">Input voltage.</param>
        /// <returns>0..<see cref="MaxRaw"/>.</returns>
        public int ToRaw(int millivolts)
        {
            long raw = ((((long)millivolts * MaxRaw) + (FullScaleMillivolts / 2)) / FullScaleMillivolts);
            return (int)Math.Clamp(raw, 0, MaxRaw);
        }

        private int RequireChannel(int channel)
        {
            if (channel < 0 || channel >= _raw.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(channel), channel, "The ADC has channels 0.." + (_raw.Length - 1) + ".");
            }

            return channel;
        }
    }
}
