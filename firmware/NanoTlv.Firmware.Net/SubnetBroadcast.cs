using System;
using System.Net;

namespace NanoTlv.Firmware.Net
{
    /// <summary>The directed broadcast address of an IPv4 subnet, from an interface's address and mask.</summary>
    public static class SubnetBroadcast
    {
        private const int IPv4Bytes = 4;

        /// <summary>
        /// The subnet's broadcast address: the address with every host bit set. Example: 192.168.1.40 with mask
        /// 255.255.255.0 gives 192.168.1.255.
        /// </summary>
        /// <param name="address">Interface address, dotted IPv4 ("192.168.1.40", as NetworkInterface.IPv4Address gives it).</param>
        /// <param name="mask">Subnet mask, dotted IPv4 ("255.255.255.0", as NetworkInterface.IPv4SubnetMask gives it).</param>
        /// <returns>The broadcast address.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        /// <exception cref="ArgumentException">An argument is not an IPv4 address.</exception>
        public static IPAddress For(string address, string mask)
        {
            byte[] addressBytes = ParseIPv4(address, nameof(address));
            byte[] maskBytes = ParseIPv4(mask, nameof(mask));
            byte[] broadcast = new byte[IPv4Bytes];
            for (int i = 0; i < IPv4Bytes; i++)
            {
                broadcast[i] = (byte)(addressBytes[i] | ~maskBytes[i]);
            }

            return new IPAddress(broadcast);
        }

        private static byte[] ParseIPv4(string text, string name)
        {
            if (text == null)
            {
                throw new ArgumentNullException(name);
            }

            byte[] bytes;
            try
            {
                bytes = IPAddress.Parse(text).GetAddressBytes();
            }
            catch (Exception)
            {
                throw new ArgumentException("'" + text + "' is not an IPv4 address.", name);
            }

            if (bytes.Length != IPv4Bytes)
            {
                throw new ArgumentException("'" + text + "' is not an IPv4 address.", name);
            }

            return bytes;
        }
    }
}
