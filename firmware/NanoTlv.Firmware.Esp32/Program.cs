using System;
using System.Threading;
using nanoFramework.Runtime.Native;

namespace NanoTlv.Firmware.Esp32
{
    /// <summary>Entry point of the ESP32 firmware.</summary>
    public static class Program
    {
        private const int RebootDelayMs = 5000;

        /// <summary>Starts the device. It runs until it reboots, or stays stopped on a configuration error.</summary>
        public static void Main()
        {
            ConsoleLog log = new ConsoleLog();
            log.Info("NanoTlv firmware " + FirmwareVersion.Text + " starting.");
            try
            {
                DeviceHost.Create(log).RunForever();
            }
            catch (ArgumentException e)
            {
                // Rebooting cannot fix a configuration error: stay stopped and say what to change.
                log.Error("Configuration error: " + e.Message + " Edit DeviceConfiguration.cs and deploy again.");
                Thread.Sleep(Timeout.Infinite);
            }
            catch (Exception e)
            {
                log.Error("Unrecoverable failure: " + e.GetType().Name + ": " + e.Message + " Rebooting in " + RebootDelayMs + " ms.");
                Thread.Sleep(RebootDelayMs);
                Power.RebootDevice();
            }
        }
    }
}
