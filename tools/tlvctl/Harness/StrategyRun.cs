using System;
using System.Diagnostics;
using System.Threading;
using NanoTlv.Client;
using NanoTlv.Messages;

namespace NanoTlv.Cli.Harness
{
    /// <summary>The state shared by one strategy's writer and verifier: which item is expected next and when
    /// each item's last byte was written.</summary>
    internal sealed class StrategyRun
    {
        private readonly HarnessPlan _plan;
        private readonly ProgressCounter _counter;
        private readonly long[] _writtenAt;
        private int _next;
        private volatile bool _writerFinished;

        public StrategyRun(HarnessPlan plan, StrategyResult result, ProgressCounter counter, TimeSpan replyTimeout)
        {
            _plan = plan;
            _counter = counter;
            Result = result;
            ReplyTimeout = replyTimeout;
            _writtenAt = new long[plan.Items.Count];
        }

        public StrategyResult Result { get; }

        public TimeSpan ReplyTimeout { get; }

        /// <summary>Every expected message came, or a mismatch ended the run.</summary>
        public bool IsDone => _next >= _plan.Items.Count || Result.Mismatch is not null;

        public bool WriterFinished
        {
            get => _writerFinished;
            set => _writerFinished = value;
        }

        /// <summary>True when the bytes the next expected message answers are all written.</summary>
        public bool IsExpectedWritten => WriterFinished || (_next < _writtenAt.Length && Volatile.Read(ref _writtenAt[_next]) != 0);

        public void MarkWritten(int item, long timestamp) => Volatile.Write(ref _writtenAt[item], timestamp);

        /// <summary>Checks one frame from the device against the next expected item.</summary>
        /// <param name="payload">The frame payload.</param>
        /// <param name="receivedAt">Stopwatch timestamp of its arrival.</param>
        public void Check(ReadOnlySpan<byte> payload, long receivedAt)
        {
            if (!IncomingMessage.TryParse(payload, out IncomingMessage? message))
            {
                Fail("a " + payload.Length + "-byte payload, too short for a reply header");
                return;
            }

            if (message.IsEvent && message.Code == (byte)EventCode.PinChanged)
            {
                return;
            }

            PlannedItem expected = _plan.Items[_next];
            if (!expected.IsAnsweredBy(message))
            {
                Fail(PlannedItem.Describe(message));
                return;
            }

            switch (expected.Kind)
            {
                case PlannedItemKind.Ping:
                    Result.RepliesVerified++;
                    long writtenAt = Volatile.Read(ref _writtenAt[_next]);
                    Result.LatenciesMs.Add(writtenAt == 0 ? 0 : Stopwatch.GetElapsedTime(writtenAt, receivedAt).TotalMilliseconds);
                    _counter.Advance(Result.Name);
                    break;
                case PlannedItemKind.Garbage:
                    Result.EventsVerified++;
                    Result.Resyncs++;
                    break;
                case PlannedItemKind.Oversized:
                    Result.EventsVerified++;
                    Result.OversizedReported++;
                    break;
                default:
                    Result.EventsVerified++;
                    Result.MalformedReported++;
                    break;
            }

            _next++;
        }

        /// <summary>Records the mismatch at the next expected item.</summary>
        /// <param name="actual">What came instead.</param>
        public void Fail(string actual)
        {
            if (Result.Mismatch is not null)
            {
                return;
            }

            PlannedItem expected = _plan.Items[Math.Min(_next, _plan.Items.Count - 1)];
            Result.Mismatch = new HarnessMismatch(Result.Name, expected.RequestId, expected.DescribeExpected(), actual);
        }
    }
}
