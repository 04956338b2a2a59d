using System;
using System.Collections.Generic;
using NanoTlv.Messages;
using Xunit;

namespace NanoTlv.Client.Tests.Unit
{
    public sealed class RequestTrackerTests
    {
        [Fact]
        public void Ids_start_at_1_and_are_consecutive()
        {
            var tracker = new RequestTracker();
            Assert.Equal(new ushort[] { 1, 2, 3 }, new[] { Register(tracker).Id, Register(tracker).Id, Register(tracker).Id });
        }

        [Fact]
        public void Ids_wrap_after_65535_skipping_ids_still_in_flight_and_never_0()
        {
            var tracker = new RequestTracker();
            var all = new List<PendingRequest>();
            var seen = new HashSet<ushort>();
            for (int i = 0; i < ushort.MaxValue; i++)
            {
                PendingRequest request = Register(tracker);
                tracker.MarkSent(request);
                Assert.True(seen.Add(request.Id));
                all.Add(request);
            }

            Assert.DoesNotContain((ushort)0, seen);
            Assert.Throws<InvalidOperationException>(() => Register(tracker));
            foreach (PendingRequest request in all)
            {
                if (request.Id != 2)
                {
                    ReplyMatch match = tracker.Match(Reply(request.Id), out _);
                    Assert.Equal(request.Id < 2 ? ReplyMatch.InOrder : ReplyMatch.OutOfOrder, match);
                }
            }

            Assert.Equal(1, tracker.InFlight);
            Assert.Equal((ushort)1, Register(tracker).Id);
            Assert.Equal((ushort)3, Register(tracker).Id);
        }

        [Fact]
        public void A_full_table_frees_the_oldest_abandoned_id()
        {
            var tracker = new RequestTracker();
            PendingRequest? tenth = null;
            for (int i = 0; i < ushort.MaxValue; i++)
            {
                PendingRequest request = Register(tracker);
                tracker.MarkSent(request);
                if (request.Id == 10)
                {
                    tenth = request;
                }
            }

            tracker.Abandon(tenth!);
            Assert.Equal((ushort)10, Register(tracker).Id);
        }

        [Fact]
        public void A_reply_to_an_abandoned_request_is_late_and_a_later_reply_forgets_earlier_abandoned_ones()
        {
            var tracker = new RequestTracker();
            PendingRequest first = Register(tracker);
            PendingRequest second = Register(tracker);
            PendingRequest third = Register(tracker);
            tracker.MarkSent(first);
            tracker.MarkSent(second);
            tracker.MarkSent(third);
            tracker.Abandon(first);
            tracker.Abandon(second);
            Assert.Equal(ReplyMatch.Late, tracker.Match(Reply(second.Id), out _));
            Assert.Equal(1, tracker.LateReplies);
            Assert.Equal(ReplyMatch.InOrder, tracker.Match(Reply(third.Id), out PendingRequest? matched));
            Assert.Same(third, matched);
            Assert.Equal(ReplyMatch.UnknownId, tracker.Match(Reply(first.Id), out _));
            Assert.Equal(0, tracker.InFlight);
        }

        [Fact]
        public void An_unsent_request_has_no_reply_and_abandoning_it_frees_its_id()
        {
            var tracker = new RequestTracker();
            PendingRequest request = Register(tracker);
            Assert.Equal(ReplyMatch.UnknownId, tracker.Match(Reply(request.Id), out _));
            tracker.Abandon(request);
            Assert.Equal(0, tracker.InFlight);
        }

        [Fact]
        public void Opcode_mismatch_is_detected()
        {
            var tracker = new RequestTracker();
            PendingRequest request = Register(tracker);
            tracker.MarkSent(request);
            var reply = new IncomingMessage((byte)Opcode.Info | MessageHeader.ReplyFlag, request.Id, StatusCode.Ok, ReadOnlyMemory<byte>.Empty);
            Assert.Equal(ReplyMatch.OpcodeMismatch, tracker.Match(reply, out _));
        }

        [Fact]
        public void FailAll_fails_waiting_requests_only()
        {
            var tracker = new RequestTracker();
            PendingRequest waiting = Register(tracker);
            PendingRequest abandoned = Register(tracker);
            tracker.MarkSent(waiting);
            tracker.MarkSent(abandoned);
            tracker.Abandon(abandoned);
            tracker.FailAll(r => new DeviceConnectionException("lost " + r.Id));
            Assert.Equal("lost 1", waiting.Completion.Task.Exception?.InnerException?.Message);
            Assert.False(abandoned.Completion.Task.IsCompleted);
            Assert.Equal(0, tracker.InFlight);
        }

        private static PendingRequest Register(RequestTracker tracker) => tracker.Register(Opcode.Ping, null);

        private static IncomingMessage Reply(ushort id) =>
            new((byte)Opcode.Ping | MessageHeader.ReplyFlag, id, StatusCode.Ok, ReadOnlyMemory<byte>.Empty);
    }
}
