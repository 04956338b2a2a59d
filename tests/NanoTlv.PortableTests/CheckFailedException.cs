using System;

namespace NanoTlv.PortableTests
{
    /// <summary>Thrown by <see cref="Check"/> when a portable test case finds a wrong value.</summary>
    public sealed class CheckFailedException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What was checked, what was expected and what was found.</param>
        public CheckFailedException(string message)
            : base(message)
        {
        }
    }
}
