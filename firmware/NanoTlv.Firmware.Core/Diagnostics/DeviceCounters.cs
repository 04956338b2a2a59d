namespace NanoTlv.Firmware.Diagnostics
{
    /// <summary>
    /// Device-wide traffic counters for INFO: the totals of closed connections plus the live counters of
    /// every slot. Nothing here is touched per frame; a slot's counters are folded in when its connection ends.
    /// </summary>
    internal sealed class DeviceCounters
    {
        private readonly object _sync = new object();
        private readonly SessionCounters _closedTotals = new SessionCounters();
        private readonly SessionCounters[] _slots;
        private long _rejectedConnections;

        /// <summary>Creates the aggregate over the slots' counters.</summary>
        /// <param name="slots">One counter set per connection slot.</param>
        public DeviceCounters(SessionCounters[] slots)
        {
            _slots = slots;
        }

        /// <summary>Folds a slot's counters into the totals and zeroes them (its connection ended).</summary>
        /// <param name="slot">The slot index.</param>
        public void Retire(int slot)
        {
            lock (_sync)
            {
                _closedTotals.Add(_slots[slot]);
                _slots[slot].Clear();
            }
        }

        /// <summary>Connections turned away with ConnectionRejected since start-up.</summary>
        public long RejectedConnections
        {
            get
            {
                lock (_sync)
                {
                    return _rejectedConnections;
                }
            }
        }

        /// <summary>Counts a connection that got no slot and its ConnectionRejected event.</summary>
        public void RecordRejection()
        {
            lock (_sync)
            {
                _rejectedConnections++;
                _closedTotals.FramesSent++;
                _closedTotals.ErrorReplies++;
            }
        }

        /// <summary>Writes the totals since start-up into <paramref name="into"/>.</summary>
        /// <param name="into">A preallocated counter set, overwritten.</param>
        public void Capture(SessionCounters into)
        {
            lock (_sync)
            {
                into.Clear();
                into.Add(_closedTotals);
                for (int i = 0; i < _slots.Length; i++)
                {
                    into.Add(_slots[i]);
                }
            }
        }
    }
}
