using System;
using NanoTlv.VirtualDevice;

namespace NanoTlv.Cli.Simulation
{
    /// <summary><c>input PIN high|low|release</c> and <c>toggle PIN</c>: drive an input line from outside, stop
    /// driving it (it returns to its pull), or drive it to the opposite of its level now.</summary>
    internal sealed class InputAction : SimulationAction
    {
        private readonly int _pin;
        private readonly InputDrive _drive;

        public InputAction(int pin, InputDrive drive)
        {
            _pin = pin;
            _drive = drive;
        }

        public override void Apply(VirtualBoard board, TimeSpan elapsed)
        {
            switch (_drive)
            {
                case InputDrive.High:
                    board.DriveInput(_pin, true);
                    break;
                case InputDrive.Low:
                    board.DriveInput(_pin, false);
                    break;
                case InputDrive.Release:
                    board.ReleaseInput(_pin);
                    break;
                default:
                    board.DriveInput(_pin, !board.IsHigh(_pin));
                    break;
            }
        }

        public override string ToString() => _drive switch
        {
            InputDrive.High => "input " + _pin + " high",
            InputDrive.Low => "input " + _pin + " low",
            InputDrive.Release => "input " + _pin + " release",
            _ => "toggle " + _pin,
        };
    }
}
