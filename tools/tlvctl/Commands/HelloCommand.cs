using System.CommandLine;
using System.Threading.Tasks;
using NanoTlv.Cli.Output;
using NanoTlv.Client;

namespace NanoTlv.Cli.Commands
{
    /// <summary><c>tlvctl hello</c>: who the device is.</summary>
    internal static class HelloCommand
    {
        public static Command Create(CliIo io, GlobalOptions globals)
        {
            var command = new Command("hello", "Say HELLO: device name, firmware, protocol version, payload limit and features");
            CommandRunner.SetDeviceAction(command, io, globals, (context, client, _) =>
            {
                DeviceHello hello = client.Hello!;
                context.Report(
                    new
                    {
                        device = context.DeviceText,
                        name = hello.Name,
                        firmware = hello.FirmwareVersion.ToString(3),
                        protocolVersion = hello.ProtocolVersion,
                        maxPayloadBytes = hello.MaxPayloadBytes,
                        capabilities = FlagNames.CamelCase(hello.Capabilities),
                        authenticated = hello.Authenticated,
                    },
                    hello.Name + " at " + context.DeviceText + ": firmware " + hello.FirmwareVersion.ToString(3)
                        + ", protocol " + hello.ProtocolVersion + ", max payload " + hello.MaxPayloadBytes + " bytes"
                        + ", authenticated " + (hello.Authenticated ? "yes" : "no")
                        + ", features: " + string.Join(", ", FlagNames.Of(hello.Capabilities)));
                return Task.FromResult(ExitCodes.Ok);
            });
            return command;
        }
    }
}
