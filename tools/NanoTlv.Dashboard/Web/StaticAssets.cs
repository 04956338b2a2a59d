using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace NanoTlv.Dashboard.Web
{
    /// <summary>The page's files (wwwroot/*), embedded in this assembly and read once.</summary>
    internal sealed class StaticAssets
    {
        private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
        {
            [".html"] = "text/html; charset=utf-8",
            [".js"] = "text/javascript; charset=utf-8",
            [".css"] = "text/css; charset=utf-8",
        };

        private readonly Dictionary<string, (byte[] Content, string ContentType)> _files = new(StringComparer.Ordinal);

        public StaticAssets()
        {
            Assembly assembly = typeof(StaticAssets).Assembly;
            foreach (string name in assembly.GetManifestResourceNames())
            {
                if (!name.StartsWith("wwwroot/", StringComparison.Ordinal))
                {
                    continue;
                }

                using Stream stream = assembly.GetManifestResourceStream(name)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                string path = name.Substring("wwwroot".Length);
                _files[path] = (copy.ToArray(), ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream"));
            }
        }

        /// <summary>Finds the file served at <paramref name="path"/> ("/index.html", "/app.js", ...).</summary>
        public bool TryGet(string path, out byte[] content, out string contentType)
        {
            if (_files.TryGetValue(path, out (byte[] Content, string ContentType) file))
            {
                content = file.Content;
                contentType = file.ContentType;
                return true;
            }

            content = Array.Empty<byte>();
            contentType = string.Empty;
            return false;
        }
    }
}
