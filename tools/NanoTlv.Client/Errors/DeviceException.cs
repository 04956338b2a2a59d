using System;
using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>
    /// The device answered a request with a status other than <see cref="StatusCode.Ok"/>. The connection
    /// stays usable. Example message: "DIGITAL_WRITE on pin 6 failed: PinReserved (the pin is reserved for the
    /// module or the firmware)"; <see cref="TlvClient.GetPinReservationAsync"/> gives the reason.
    /// </summary>
    public sealed class DeviceException : Exception
    {
        /// <summary>Creates the exception for a refused request.</summary>
        /// <param name="opcode">The command.</param>
        /// <param name="status">The status the device replied with.</param>
        /// <param name="target">What the command addressed, e.g. "pin 6", or null.</param>
        public DeviceException(Opcode opcode, StatusCode status, string? target)
            : base(FormatMessage(opcode, status, target))
        {
            Opcode = opcode;
            Status = status;
            Target = target;
        }

        /// <summary>The command that failed.</summary>
        public Opcode Opcode { get; }

        /// <summary>The command's protocol name, e.g. "DIGITAL_WRITE".</summary>
        public string OpcodeName => MessageCatalog.NameOf((byte)Opcode);

        /// <summary>The status the device replied with.</summary>
        public StatusCode Status { get; }

        /// <summary>What the command addressed ("pin 6", "I2C address 0x76"), or null.</summary>
        public string? Target { get; }

        /// <summary>The GPIO number the refused command addressed, or null for a command without a pin.</summary>
        public int? Pin { get; init; }

        private static string FormatMessage(Opcode opcode, StatusCode status, string? target)
        {
            string subject = target is null ? MessageCatalog.NameOf((byte)opcode) : MessageCatalog.NameOf((byte)opcode) + " on " + target;
            string meaning = opcode == Opcode.Hello && status == StatusCode.NotAuthenticated
                ? "token refused: the device is configured with another token"
                : StatusDescriptions.Describe(status);
            return subject + " failed: " + StatusDescriptions.NameOf(status) + " (" + meaning + ")";
        }
    }
}
