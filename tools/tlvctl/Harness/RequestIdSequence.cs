using System;

namespace NanoTlv.Cli.Harness
{
    /// <summary>Unique request ids for one harness connection: consecutive from a random start, skipping 0;
    /// in marker mode ids made of 0x72 bytes come first (0x7272, then 0x72xx).</summary>
    internal sealed class RequestIdSequence
    {
        private const int MarkerHigh = 0x7200;
        private const int MarkerBoth = 0x7272;
        private const int IdsPerHighByte = 256;

        private readonly bool _markerIds;
        private int _issued;
        private int _next;

        public RequestIdSequence(bool markerIds, Random random)
        {
            _markerIds = markerIds;
            _next = random.Next(1, ushort.MaxValue);
        }

        public ushort Next()
        {
            int index = _issued++;
            if (_markerIds && index < IdsPerHighByte)
            {
                // 0x7272 first, then the rest of 0x72xx, in an order that never repeats.
                return (ushort)(index == 0 ? MarkerBoth : MarkerHigh + ((MarkerBoth - MarkerHigh + index) % IdsPerHighByte));
            }

            do
            {
                _next = _next >= ushort.MaxValue ? 1 : _next + 1;
            }
            while (_markerIds && (_next >> 8) == (MarkerHigh >> 8));

            return (ushort)_next;
        }
    }
}
