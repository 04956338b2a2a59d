using System;
using System.Collections.Generic;

namespace NanoTlv.Cli.Tests.Harness
{
    /// <summary>
    /// A frame extractor with the original Python <c>StreamGramsExtractor</c>'s reassembly bug, for the
    /// broken test device: from the third read that carries bytes of one frame on, it counts <c>size</c>
    /// bytes as received instead of the bytes it actually took, so the frame is handed out early, truncated,
    /// and the rest of it is parsed as the start of the next frames. Frames arriving in one or two reads are
    /// handled correctly, which is why only finely chunked streams expose it.
    /// </summary>
    public sealed class PythonBugExtractor
    {
        private const byte Marker = 0x72;
        private const int BuggyFromRead = 3;

        private readonly List<byte> _header = new();
        private readonly List<byte> _payload = new();
        private bool _inFrame;
        private int _size;
        private int _counted;
        private int _reads;

        public IEnumerable<byte[]> Feed(byte[] chunk, int count)
        {
            var frames = new List<byte[]>();
            bool readCounted = false;
            int position = 0;
            while (position < count)
            {
                if (!_inFrame)
                {
                    if (_header.Count == 0 && chunk[position] != Marker)
                    {
                        position++;
                        continue;
                    }

                    _header.Add(chunk[position++]);
                    if (_header.Count == 3)
                    {
                        _size = (_header[1] << 8) | _header[2];
                        _header.Clear();
                        _payload.Clear();
                        _counted = 0;
                        _reads = 0;
                        _inFrame = true;
                        readCounted = false;
                        if (_size == 0)
                        {
                            frames.Add(Array.Empty<byte>());
                            _inFrame = false;
                        }
                    }

                    continue;
                }

                if (!readCounted)
                {
                    _reads++;
                    readCounted = true;
                }

                int take = Math.Min(_size - _counted, count - position);
                _payload.AddRange(new ArraySegment<byte>(chunk, position, take));
                position += take;
                _counted += _reads >= BuggyFromRead ? _size : take;
                if (_counted >= _size)
                {
                    frames.Add(_payload.ToArray());
                    _inFrame = false;
                }
            }

            return frames;
        }
    }
}
