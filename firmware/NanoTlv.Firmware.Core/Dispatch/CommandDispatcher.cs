using System;
using NanoTlv.Framing;
using NanoTlv.Messages;

namespace NanoTlv.Firmware.Dispatch
{
    /// <summary>
    /// Turns one request payload into exactly one reply in the session's batch. A 256-entry handler table
    /// indexed by opcode, filled from the <see cref="MessageCatalog"/> at start-up; then, per request, without
    /// allocating: unknown opcode → <see cref="StatusCode.UnknownOpcode"/>, argument length outside the
    /// catalogue's range → <see cref="StatusCode.BadLength"/>, token required and not presented →
    /// <see cref="StatusCode.NotAuthenticated"/>, all before any handler runs. A handler that throws gets an
    /// <see cref="StatusCode.InternalError"/> reply (its partial reply cancelled) and the session carries on,
    /// unless what threw was the connection itself (<see cref="IReplyChannel.TransportFailed"/>): that exception goes on
    /// to the session, which ends like for any other transport failure. A command the catalogue marks as echoing
    /// (PING) gets its arguments back through <see cref="IReplyChannel.QueueEcho"/> once its handler said OK.
    /// </summary>
    internal sealed class CommandDispatcher
    {
        private const int TableSize = 256;
        private const int ReplyFrameOverhead = FrameFormat.HeaderBytes + MessageHeader.ReplyHeaderBytes;

        private readonly ICommandHandler?[] _handlers = new ICommandHandler?[TableSize];
        private readonly int[] _maxReplyDataBytes = new int[TableSize];
        private readonly bool _tokenRequired;
        private readonly ILog _log;

        /// <summary>Creates an empty table.</summary>
        /// <param name="tokenRequired">True when a token is configured.</param>
        /// <param name="log">Where handler failures are reported.</param>
        public CommandDispatcher(bool tokenRequired, ILog log)
        {
            _tokenRequired = tokenRequired;
            _log = log;
        }

        /// <summary>True when a token is configured: requests that need authentication are refused until HELLO.</summary>
        public bool TokenRequired => _tokenRequired;

        /// <summary>The largest reply frame of any command other than an echo: the batch buffer must hold it.</summary>
        public int LargestFixedReplyFrameBytes { get; private set; } = ReplyFrameOverhead;

        /// <summary>Routes <paramref name="opcode"/> to <paramref name="handler"/>; its reply room is the
        /// catalogue's <see cref="MessageCatalog.MaxReplyDataBytes"/>.</summary>
        /// <param name="opcode">A catalogue opcode.</param>
        /// <param name="handler">Its handler.</param>
        /// <exception cref="InvalidOperationException">The opcode is not in the catalogue or already routed.</exception>
        public void Register(Opcode opcode, ICommandHandler handler) =>
            Register(opcode, handler, MessageCatalog.MaxReplyDataBytes((byte)opcode));

        /// <summary>Routes <paramref name="opcode"/> to <paramref name="handler"/> whose replies on this device are at
        /// most <paramref name="maxReplyDataBytes"/> long (HELLO's name, CAPS's board: less than the catalogue's maximum).</summary>
        /// <param name="opcode">A catalogue opcode.</param>
        /// <param name="handler">Its handler.</param>
        /// <param name="maxReplyDataBytes">Largest reply data on this device, at most the catalogue's maximum, or
        /// <see cref="MessageCatalog.EchoesArguments"/> for a command the catalogue says echoes.</param>
        /// <exception cref="InvalidOperationException">The opcode is not in the catalogue or already routed, or the
        /// size disagrees with the catalogue.</exception>
        public void Register(Opcode opcode, ICommandHandler handler, int maxReplyDataBytes)
        {
            int index = (int)opcode;
            if (!MessageCatalog.IsKnown((byte)index) || _handlers[index] != null)
            {
                throw new InvalidOperationException("Opcode " + index + " is not in the catalogue or has a handler already.");
            }

            int catalogued = MessageCatalog.MaxReplyDataBytes((byte)index);
            if ((catalogued == MessageCatalog.EchoesArguments) != (maxReplyDataBytes == MessageCatalog.EchoesArguments) || maxReplyDataBytes > catalogued)
            {
                throw new InvalidOperationException("Opcode " + index + ": a reply of " + maxReplyDataBytes + " bytes disagrees with the catalogue's " + catalogued + ".");
            }

            _handlers[index] = handler;
            _maxReplyDataBytes[index] = maxReplyDataBytes;
            if (maxReplyDataBytes != MessageCatalog.EchoesArguments && ReplyFrameOverhead + maxReplyDataBytes > LargestFixedReplyFrameBytes)
            {
                LargestFixedReplyFrameBytes = ReplyFrameOverhead + maxReplyDataBytes;
            }
        }

        /// <summary>Checks that every catalogue opcode has a handler.</summary>
        /// <exception cref="InvalidOperationException">One has none.</exception>
        public void RequireComplete()
        {
            Opcode[] opcodes = MessageCatalog.Opcodes;
            for (int i = 0; i < opcodes.Length; i++)
            {
                if (_handlers[(int)opcodes[i]] == null)
                {
                    throw new InvalidOperationException("No handler for " + MessageCatalog.NameOf((byte)opcodes[i]) + ".");
                }
            }
        }

        /// <summary>Runs one request (at least <see cref="MessageHeader.RequestHeaderBytes"/> long) and appends its reply.</summary>
        /// <param name="request">The slot's request.</param>
        /// <param name="channel">The slot's sending side.</param>
        /// <param name="buffer">The payload's array.</param>
        /// <param name="offset">First payload byte.</param>
        /// <param name="length">Payload length.</param>
        public void Dispatch(CommandRequest request, IReplyChannel channel, byte[] buffer, int offset, int length)
        {
            MessageReader arguments = request.Arguments;
            arguments.Reset(buffer, offset, length);
            byte opcode = arguments.ReadByte();
            ushort requestId = arguments.ReadUInt16();
            int argumentBytes = length - MessageHeader.RequestHeaderBytes;
            request.Begin(opcode, requestId, argumentBytes);

            StatusCode status = Precheck(opcode, argumentBytes, request.Authentication.IsAuthenticated);
            bool echoes = status == StatusCode.Ok && _maxReplyDataBytes[opcode] == MessageCatalog.EchoesArguments;
            channel.EnsureRoom(ReplyFrameOverhead + (status != StatusCode.Ok || echoes ? 0 : _maxReplyDataBytes[opcode]));

            MessageWriter reply = channel.Replies;
            reply.BeginReply(opcode, requestId, status);
            if (status == StatusCode.Ok)
            {
                int argumentsStart = arguments.Position;
                status = Execute(request, channel);
                if (status != StatusCode.Ok || echoes)
                {
                    reply.CancelMessage();
                    if (status == StatusCode.Ok)
                    {
                        channel.QueueEcho(opcode, requestId, buffer, argumentsStart, argumentBytes);
                        return;
                    }

                    reply.BeginReply(opcode, requestId, status);
                }
            }

            channel.CommitReply(status);
        }

        private StatusCode Precheck(byte opcode, int argumentBytes, bool authenticated)
        {
            if (!MessageCatalog.IsKnown(opcode))
            {
                return StatusCode.UnknownOpcode;
            }

            if (!MessageCatalog.AcceptsArgumentLength(opcode, argumentBytes))
            {
                return StatusCode.BadLength;
            }

            if (_tokenRequired && !authenticated && MessageCatalog.RequiresAuthentication(opcode))
            {
                return StatusCode.NotAuthenticated;
            }

            return StatusCode.Ok;
        }

        private StatusCode Execute(CommandRequest request, IReplyChannel channel)
        {
            // Precheck let only catalogue opcodes through, and RequireComplete gave each a handler.
            ICommandHandler handler = _handlers[request.Opcode]!;
            try
            {
                return handler.Execute(request);
            }
            catch (Exception e)
            {
                if (channel.TransportFailed)
                {
                    throw;
                }

                _log.Error("slot " + request.Slot + ": " + MessageCatalog.NameOf(request.Opcode) + " failed: " + e.Message);
                return StatusCode.InternalError;
            }
        }
    }
}
