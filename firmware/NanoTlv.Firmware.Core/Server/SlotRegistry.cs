using NanoTlv.Firmware.Diagnostics;

namespace NanoTlv.Firmware.Server
{
    /// <summary>Which connection slots are in use. Claimed by the accept loop, released when a session ends.</summary>
    internal sealed class SlotRegistry : IConnectionCount
    {
        /// <summary>Returned by <see cref="TryClaim"/> when every slot is busy.</summary>
        public const int NoSlot = -1;

        private readonly object _sync = new object();
        private readonly bool[] _busy;
        private int _active;

        /// <summary>Creates a registry of <paramref name="slotCount"/> free slots.</summary>
        /// <param name="slotCount">The maximum number of connections.</param>
        public SlotRegistry(int slotCount)
        {
            _busy = new bool[slotCount];
        }

        /// <summary>Number of slots.</summary>
        public int Capacity => _busy.Length;

        /// <summary>Slots in use.</summary>
        public int ActiveCount => _active;

        /// <summary>Claims a free slot.</summary>
        /// <returns>Its index, or <see cref="NoSlot"/>.</returns>
        public int TryClaim()
        {
            lock (_sync)
            {
                for (int slot = 0; slot < _busy.Length; slot++)
                {
                    if (!_busy[slot])
                    {
                        _busy[slot] = true;
                        _active++;
                        return slot;
                    }
                }

                return NoSlot;
            }
        }

        /// <summary>Frees a claimed slot.</summary>
        /// <param name="slot">Its index.</param>
        public void Release(int slot)
        {
            lock (_sync)
            {
                if (_busy[slot])
                {
                    _busy[slot] = false;
                    _active--;
                }
            }
        }
    }
}
