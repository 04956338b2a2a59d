using System;

namespace NanoTlv.Cli.Demo
{
    /// <summary>A demo step saw something other than what the virtual board was set up to give.</summary>
    public sealed class DemoCheckException : Exception
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What was expected and what came.</param>
        public DemoCheckException(string message)
            : base(message)
        {
        }
    }
}
