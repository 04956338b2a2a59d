using NanoTlv.Testing;

namespace NanoTlv.Cli.Tests.Infrastructure
{
    /// <summary>tlvctl command lines aimed at a <see cref="RunningDevice"/>.</summary>
    public static class DeviceArguments
    {
        /// <summary>tlvctl arguments with --device pointing at <paramref name="device"/>.</summary>
        public static string[] Args(this RunningDevice device, params string[] args)
        {
            var all = new string[args.Length + 2];
            args.CopyTo(all, 0);
            all[^2] = "--device";
            all[^1] = device.Address;
            return all;
        }
    }
}
