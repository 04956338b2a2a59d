using System;

namespace NanoTlv.Client
{
    /// <summary>
    /// An exception's message as a person should read it. .NET appends <c> (Parameter 'name')</c> and a line
    /// <c>Actual value was ...</c> to argument exceptions' messages; those name a C# parameter the reader never
    /// wrote, so every place that shows an error to a user (tlvctl, the bridge, the dashboard) prints this instead.
    /// </summary>
    public static class ErrorText
    {
        /// <summary>The message of <paramref name="exception"/> without .NET's parameter decorations.</summary>
        /// <param name="exception">The exception.</param>
        /// <returns>The message.</returns>
        public static string Of(Exception exception)
        {
            ArgumentNullException.ThrowIfNull(exception);
            string message = exception.Message;
            if (exception is not ArgumentException argument)
            {
                return message;
            }

            int actualValue = message.IndexOf(Environment.NewLine + "Actual value was ", StringComparison.Ordinal);
            if (exception is ArgumentOutOfRangeException && actualValue >= 0)
            {
                message = message[..actualValue];
            }

            if (!string.IsNullOrEmpty(argument.ParamName))
            {
                message = message.Replace(" (Parameter '" + argument.ParamName + "')", string.Empty, StringComparison.Ordinal);
            }

            return message;
        }
    }
}
