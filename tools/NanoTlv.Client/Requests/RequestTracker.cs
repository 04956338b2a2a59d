using System;
using System.Collections.Generic;
using NanoTlv.Messages;

namespace NanoTlv.Client
{
    /// <summary>
    /// Request ids and the requests in flight. Ids run 1..65535 and wrap, skipping ids still in flight
    /// (0 is the event id). Requests are kept in the order they were written, so a reply can be checked
    /// against the device's promise to answer in order.
    /// </summary>
    internal sealed class RequestTracker
    {
        /// <summary>Abandoned requests remembered at most; older ones free their id.</summary>
        public const int MaxAbandonedKept = 1024;

        private const ushort FirstId = 1;
        private const ushort LastId = ushort.MaxValue;
        private const int IdCount = LastId - FirstId + 1;

        private readonly object _gate = new();
        private readonly Dictionary<ushort, PendingRequest> _byId = new();
        private readonly LinkedList<PendingRequest> _sentOrder = new();
        private ushort _lastIssued;
        private int _abandoned;

        /// <summary>Requests registered and not answered, failed or abandoned.</summary>
        public int InFlight
        {
            get
            {
                lock (_gate)
                {
                    return _byId.Count - _abandoned;
                }
            }
        }

        /// <summary>Replies that arrived after their caller gave up.</summary>
        public long LateReplies { get; private set; }

        /// <summary>Takes the next free id for a new request.</summary>
        /// <param name="opcode">The command.</param>
        /// <param name="target">What it addresses, for messages.</param>
        /// <returns>The registered request.</returns>
        /// <exception cref="InvalidOperationException">65535 requests are in flight.</exception>
        public PendingRequest Register(Opcode opcode, string? target)
        {
            lock (_gate)
            {
                if (_byId.Count >= IdCount && !ForgetOldestAbandoned())
                {
                    throw new InvalidOperationException("All 65535 request ids are in flight; wait for replies before sending more.");
                }

                do
                {
                    _lastIssued = _lastIssued == LastId ? FirstId : (ushort)(_lastIssued + 1);
                }
                while (_byId.ContainsKey(_lastIssued));

                var request = new PendingRequest(_lastIssued, opcode, target);
                _byId.Add(request.Id, request);
                return request;
            }
        }

        /// <summary>Records that <paramref name="request"/> was written, after every request written before it.</summary>
        /// <param name="request">A registered request.</param>
        public void MarkSent(PendingRequest request)
        {
            lock (_gate)
            {
                if (_byId.TryGetValue(request.Id, out PendingRequest? current) && ReferenceEquals(current, request) && request.SentNode is null)
                {
                    request.SentNode = _sentOrder.AddLast(request);
                }
            }
        }

        /// <summary>Finds and removes the request <paramref name="reply"/> answers.</summary>
        /// <param name="reply">A reply message.</param>
        /// <param name="request">The request, unless the id is unknown.</param>
        /// <returns>How the reply fits the requests in flight.</returns>
        public ReplyMatch Match(IncomingMessage reply, out PendingRequest? request)
        {
            lock (_gate)
            {
                if (!_byId.TryGetValue(reply.RequestId, out request) || request.SentNode is null)
                {
                    request = null;
                    return ReplyMatch.UnknownId;
                }

                // The device answers in order: a request written earlier and still waiting was skipped.
                // Abandoned ones are forgotten here; their replies can no longer come.
                bool earlierWaiting = false;
                LinkedListNode<PendingRequest>? node = _sentOrder.First;
                while (node is not null && node != request.SentNode)
                {
                    LinkedListNode<PendingRequest>? next = node.Next;
                    if (node.Value.Abandoned)
                    {
                        RemoveLocked(node.Value);
                    }
                    else
                    {
                        earlierWaiting = true;
                    }

                    node = next;
                }

                RemoveLocked(request);
                if (request.Abandoned)
                {
                    LateReplies++;
                    return ReplyMatch.Late;
                }

                if (reply.Opcode != request.Opcode)
                {
                    return ReplyMatch.OpcodeMismatch;
                }

                return earlierWaiting ? ReplyMatch.OutOfOrder : ReplyMatch.InOrder;
            }
        }

        /// <summary>The caller stopped waiting. A written request keeps its id until its reply is due; an
        /// unwritten one is forgotten.</summary>
        /// <param name="request">The request.</param>
        public void Abandon(PendingRequest request)
        {
            lock (_gate)
            {
                if (!_byId.TryGetValue(request.Id, out PendingRequest? current) || !ReferenceEquals(current, request) || request.Abandoned)
                {
                    return;
                }

                if (request.SentNode is null)
                {
                    RemoveLocked(request);
                    return;
                }

                request.Abandoned = true;
                _abandoned++;
                if (_abandoned > MaxAbandonedKept)
                {
                    ForgetOldestAbandoned();
                }
            }
        }

        /// <summary>Fails every request (connection lost) and forgets them all.</summary>
        /// <param name="createError">Makes the exception for one request.</param>
        public void FailAll(Func<PendingRequest, Exception> createError)
        {
            List<PendingRequest> failed;
            lock (_gate)
            {
                failed = new List<PendingRequest>(_byId.Values);
                _byId.Clear();
                _sentOrder.Clear();
                _abandoned = 0;
            }

            foreach (PendingRequest request in failed)
            {
                request.SentNode = null;
                if (!request.Abandoned)
                {
                    request.Completion.TrySetException(createError(request));
                }
            }
        }

        private bool ForgetOldestAbandoned()
        {
            for (LinkedListNode<PendingRequest>? node = _sentOrder.First; node is not null; node = node.Next)
            {
                if (node.Value.Abandoned)
                {
                    RemoveLocked(node.Value);
                    return true;
                }
            }

            return false;
        }

        private void RemoveLocked(PendingRequest request)
        {
            _byId.Remove(request.Id);
            if (request.SentNode is not null)
            {
                _sentOrder.Remove(request.SentNode);
                request.SentNode = null;
            }

            if (request.Abandoned)
            {
                _abandoned--;
            }
        }
    }
}
