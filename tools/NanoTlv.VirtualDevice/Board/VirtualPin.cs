using NanoTlv.Firmware.Board;

namespace NanoTlv.VirtualDevice
{
    /// <summary>One GPIO of the virtual board: its mode, output latch, what the outside world drives, and its subscription.</summary>
    internal sealed class VirtualPin
    {
        public VirtualPin(int number) => Number = number;

        public int Number { get; }

        public bool IsOpen { get; set; }

        public GpioMode Mode { get; set; }

        public bool OutputLatch { get; set; }

        /// <summary>Level driven from outside (a test); null when nothing drives the line.</summary>
        public bool? ExternalLevel { get; set; }

        public PinChangeSubscription? Subscription { get; set; }

        /// <summary>
        /// The line level. Push-pull outputs win; an open-drain output pulls low or releases the line
        /// (a released line reads the external level, else high: open-drain lines have an external pull-up);
        /// inputs read the external level, else their pull, else low (a floating line in the simulator).
        /// </summary>
        public bool Level
        {
            get
            {
                if (!IsOpen)
                {
                    return ExternalLevel ?? false;
                }

                return Mode switch
                {
                    GpioMode.Output => OutputLatch,
                    GpioMode.OutputOpenDrain => OutputLatch && (ExternalLevel ?? true),
                    GpioMode.InputPullUp => ExternalLevel ?? true,
                    GpioMode.InputPullDown => ExternalLevel ?? false,
                    _ => ExternalLevel ?? false,
                };
            }
        }
    }
}
