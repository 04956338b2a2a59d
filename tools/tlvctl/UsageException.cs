using System;

namespace NanoTlv.Cli
{
    /// <summary>A command-line value that parsed but cannot be used; exits with <see cref="ExitCodes.UsageError"/>.</summary>
    public sealed class UsageException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What is wrong and what would be right.</param>
        public UsageException(string message)
            : base(message)
        {
        }
    }
}
