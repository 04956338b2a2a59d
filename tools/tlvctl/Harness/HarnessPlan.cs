using System;
using System.Collections.Generic;
using System.IO;
using NanoTlv.Client;
using NanoTlv.Framing;
using NanoTlv.Messages;

namespace NanoTlv.Cli.Harness
{
    /// <summary>
    /// The byte stream of one strategy: PING frames with random payloads and unique ids, and for the fault
    /// strategies garbage runs, oversized frames or empty frames between them, each with the message the
    /// device must answer it with, in stream order.
    /// </summary>
    internal sealed class HarnessPlan
    {
        private const int FaultEveryPings = 4;
        private const int MaxGarbageBytes = 32;
        private const int MaxOversizeExcessBytes = 64;
        private const int LargestPingEvery = 50;

        private HarnessPlan(byte[] stream, IReadOnlyList<PlannedItem> items)
        {
            Stream = stream;
            Items = items;
        }

        /// <summary>Every byte to send.</summary>
        public byte[] Stream { get; }

        /// <summary>The stretches of <see cref="Stream"/>, in order.</summary>
        public IReadOnlyList<PlannedItem> Items { get; }

        /// <summary>Builds the plan of <paramref name="strategy"/>.</summary>
        /// <param name="strategy">The strategy.</param>
        /// <param name="pings">PING requests to send.</param>
        /// <param name="random">The seeded source of every choice.</param>
        /// <param name="maxPingBytes">Largest PING payload (already bounded by the device).</param>
        /// <param name="deviceMaxPayloadBytes">The device's payload limit.</param>
        /// <returns>The plan.</returns>
        public static HarnessPlan Build(HarnessStrategy strategy, int pings, Random random, int maxPingBytes, int deviceMaxPayloadBytes)
        {
            var stream = new MemoryStream();
            var items = new List<PlannedItem>();
            var ids = new RequestIdSequence(strategy == HarnessStrategy.MarkerBytes, random);
            bool canOversize = deviceMaxPayloadBytes < FrameFormat.MaxEncodablePayloadBytes;
            ushort lastId = 0;
            for (int i = 0; i < pings; i++)
            {
                if (i % FaultEveryPings == FaultEveryPings - 1)
                {
                    AddFault(strategy, stream, items, random, lastId, deviceMaxPayloadBytes, canOversize);
                }

                ushort id = ids.Next();
                int size = i % LargestPingEvery == LargestPingEvery - 1 ? maxPingBytes : random.Next(0, maxPingBytes + 1);
                byte[] payload = new byte[size];
                if (strategy == HarnessStrategy.MarkerBytes)
                {
                    Array.Fill(payload, FrameFormat.Marker);
                }
                else
                {
                    random.NextBytes(payload);
                }

                int start = (int)stream.Length;
                stream.Write(RequestFrame.Build(Opcode.Ping, id, payload));
                items.Add(new PlannedItem(PlannedItemKind.Ping, start, (int)stream.Length - start, id, payload, size, deviceMaxPayloadBytes));
                lastId = id;
            }

            return new HarnessPlan(stream.ToArray(), items);
        }

        private static void AddFault(HarnessStrategy strategy, MemoryStream stream, List<PlannedItem> items, Random random, ushort lastId, int maxPayload, bool canOversize)
        {
            int start = (int)stream.Length;
            switch (strategy)
            {
                case HarnessStrategy.Garbage:
                    byte[] garbage = new byte[random.Next(1, MaxGarbageBytes + 1)];
                    random.NextBytes(garbage);
                    for (int b = 0; b < garbage.Length; b++)
                    {
                        if (garbage[b] == FrameFormat.Marker)
                        {
                            garbage[b] = (byte)(FrameFormat.Marker + 1);
                        }
                    }

                    stream.Write(garbage);
                    items.Add(new PlannedItem(PlannedItemKind.Garbage, start, garbage.Length, lastId, ReadOnlyMemory<byte>.Empty, garbage.Length, maxPayload));
                    break;

                case HarnessStrategy.Oversized when canOversize:
                    int announced = Math.Min(FrameFormat.MaxEncodablePayloadBytes, maxPayload + 1 + random.Next(0, MaxOversizeExcessBytes));
                    byte[] body = new byte[announced];
                    random.NextBytes(body);
                    stream.Write(Frame(body));
                    items.Add(new PlannedItem(PlannedItemKind.Oversized, start, (int)stream.Length - start, lastId, ReadOnlyMemory<byte>.Empty, announced, maxPayload));
                    break;

                case HarnessStrategy.ZeroLength:
                    stream.Write(Frame(Array.Empty<byte>()));
                    items.Add(new PlannedItem(PlannedItemKind.ZeroLength, start, FrameFormat.HeaderBytes, lastId, ReadOnlyMemory<byte>.Empty, 0, maxPayload));
                    break;

                default:
                    break;
            }
        }

        private static byte[] Frame(byte[] payload)
        {
            var frame = new byte[FrameFormat.HeaderBytes + payload.Length];
            FrameWriter.Write(payload, 0, payload.Length, frame, 0);
            return frame;
        }
    }
}
