using NanoTlv.Framing;

namespace NanoTlv.PortableTests
{
    /// <summary>
    /// The assertions of the portable test cases. Each throws <see cref="CheckFailedException"/> with a
    /// message naming what was checked, the expected value and the actual value. No generics, so the same
    /// code runs on nanoFramework.
    /// </summary>
    public static class Check
    {
        /// <summary>Fails unless two integers are equal.</summary>
        /// <param name="expected">The expected value.</param>
        /// <param name="actual">The value found.</param>
        /// <param name="what">What the value is.</param>
        public static void Equal(int expected, int actual, string what)
        {
            if (expected != actual)
            {
                Fail(what + ": expected " + expected + ", got " + actual + ".");
            }
        }

        /// <summary>Fails unless two 64-bit integers are equal.</summary>
        /// <param name="expected">The expected value.</param>
        /// <param name="actual">The value found.</param>
        /// <param name="what">What the value is.</param>
        public static void Equal(long expected, long actual, string what)
        {
            if (expected != actual)
            {
                Fail(what + ": expected " + expected + ", got " + actual + ".");
            }
        }

        /// <summary>Fails unless two strings are equal.</summary>
        /// <param name="expected">The expected text.</param>
        /// <param name="actual">The text found.</param>
        /// <param name="what">What the text is.</param>
        public static void Equal(string expected, string actual, string what)
        {
            if (expected != actual)
            {
                Fail(what + ": expected \"" + expected + "\", got \"" + actual + "\".");
            }
        }

        /// <summary>Fails unless <see cref="FrameExtractor.Next"/> returned the expected result.</summary>
        /// <param name="expected">The expected result.</param>
        /// <param name="actual">The result found.</param>
        /// <param name="what">Which call it was.</param>
        public static void Result(FrameReadResult expected, FrameReadResult actual, string what)
        {
            if (expected != actual)
            {
                Fail(what + ": expected " + NameOf(expected) + ", got " + NameOf(actual) + ".");
            }
        }

        /// <summary>Fails unless a condition holds.</summary>
        /// <param name="condition">The condition.</param>
        /// <param name="what">What the condition says.</param>
        public static void True(bool condition, string what)
        {
            if (!condition)
            {
                Fail(what + ": expected true, got false.");
            }
        }

        /// <summary>Fails unless both references are the same object.</summary>
        /// <param name="expected">The expected object.</param>
        /// <param name="actual">The object found.</param>
        /// <param name="what">What the reference is.</param>
        public static void Same(object expected, object actual, string what)
        {
            if (!ReferenceEquals(expected, actual))
            {
                Fail(what + ": expected the same object, got a different one.");
            }
        }

        /// <summary>Fails when both references are the same object.</summary>
        /// <param name="unexpected">The object it must not be.</param>
        /// <param name="actual">The object found.</param>
        /// <param name="what">What the reference is.</param>
        public static void NotSame(object unexpected, object actual, string what)
        {
            if (ReferenceEquals(unexpected, actual))
            {
                Fail(what + ": expected a different object, got the same one.");
            }
        }

        /// <summary>Fails unless two byte arrays have the same length and content.</summary>
        /// <param name="expected">The expected bytes.</param>
        /// <param name="actual">The bytes found.</param>
        /// <param name="what">What the bytes are.</param>
        public static void Bytes(byte[] expected, byte[] actual, string what)
        {
            Equal(expected.Length, actual.Length, what + " length");
            Bytes(expected, actual, 0, actual.Length, what);
        }

        /// <summary>Fails unless <paramref name="count"/> bytes of <paramref name="actual"/> equal <paramref name="expected"/>.</summary>
        /// <param name="expected">The expected bytes, all of them.</param>
        /// <param name="actual">The array holding the bytes found.</param>
        /// <param name="actualOffset">Where they start.</param>
        /// <param name="count">How many there are.</param>
        /// <param name="what">What the bytes are.</param>
        public static void Bytes(byte[] expected, byte[] actual, int actualOffset, int count, string what)
        {
            Equal(expected.Length, count, what + " length");
            for (int i = 0; i < count; i++)
            {
                if (expected[i] != actual[actualOffset + i])
                {
                    Fail(what + ": byte " + i + " expected 0x" + expected[i].ToString("X2") + ", got 0x" + actual[actualOffset + i].ToString("X2") + ".");
                }
            }
        }

        /// <summary>Fails unless <paramref name="message"/> contains <paramref name="part"/>.</summary>
        /// <param name="part">The expected fragment.</param>
        /// <param name="message">The text found.</param>
        /// <param name="what">What the text is.</param>
        public static void Contains(string part, string message, string what)
        {
            if (message == null || message.IndexOf(part) < 0)
            {
                Fail(what + ": expected text containing \"" + part + "\", got \"" + message + "\".");
            }
        }

        /// <summary>Fails unconditionally.</summary>
        /// <param name="message">Why.</param>
        public static void Fail(string message) => throw new CheckFailedException(message);

        /// <summary>The name of a <see cref="FrameReadResult"/> (enum names are not kept on the device).</summary>
        /// <param name="result">The result.</param>
        /// <returns>Its name.</returns>
        public static string NameOf(FrameReadResult result)
        {
            switch (result)
            {
                case FrameReadResult.NeedMoreData: return "NeedMoreData";
                case FrameReadResult.Frame: return "Frame";
                case FrameReadResult.Resynchronized: return "Resynchronized";
                case FrameReadResult.FrameTooLarge: return "FrameTooLarge";
                case FrameReadResult.Faulted: return "Faulted";
                default: return "FrameReadResult " + (int)result;
            }
        }
    }
}
