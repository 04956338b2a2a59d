using System;
using System.Net;
using Microsoft.AspNetCore.Http;

namespace NanoTlv.Dashboard.Web
{
    /// <summary>
    /// Refuses requests another web site could make through the user's browser. Commands (POST) must carry a JSON
    /// body type, which a cross-site form cannot send without a CORS preflight this server never approves, and an
    /// Origin, when present, must be this server. On a loopback listener the Host header must name a loopback host,
    /// which defeats DNS rebinding.
    /// </summary>
    internal static class RequestGuard
    {
        /// <summary>Why <paramref name="request"/> is refused, or null when it may proceed.</summary>
        public static string? Refusal(HttpRequest request, bool loopbackOnly)
        {
            if (loopbackOnly && !IsLoopbackHost(request.Host.Host))
            {
                return "Host '" + request.Host + "' is not a loopback name; the dashboard only answers to 127.0.0.1, [::1] or localhost.";
            }

            string? origin = request.Headers.Origin;
            if (!string.IsNullOrEmpty(origin) && !string.Equals(origin, request.Scheme + "://" + request.Host, StringComparison.OrdinalIgnoreCase))
            {
                return "Cross-origin request from '" + origin + "' refused.";
            }

            if (HttpMethods.IsPost(request.Method) && request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            {
                return "Commands must be sent as application/json.";
            }

            return null;
        }

        private static bool IsLoopbackHost(string host) =>
            string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out IPAddress? address) && IPAddress.IsLoopback(address));
    }
}
