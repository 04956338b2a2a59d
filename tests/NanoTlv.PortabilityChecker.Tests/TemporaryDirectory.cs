using System;
using System.IO;

namespace NanoTlv.Portability.Tests;

/// <summary>A folder under the system temp folder that is deleted on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nanotlv-portability-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes a file into the folder.</summary>
    /// <param name="fileName">The file name.</param>
    /// <param name="content">The bytes to write.</param>
    /// <returns>The file's full path.</returns>
    public string Write(string fileName, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
