using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NanoTlv.Bridge.Tests.Support
{
    /// <summary>
    /// A throw-away CA and a server certificate it signed for 127.0.0.1 and localhost, made at test time
    /// (valid for one day), for a TLS broker.
    /// </summary>
    public sealed class TestCertificates
    {
        private TestCertificates(string caPem, string serverPem, string serverKeyPem)
        {
            CaPem = caPem;
            ServerPem = serverPem;
            ServerKeyPem = serverKeyPem;
        }

        /// <summary>The CA certificate, PEM.</summary>
        public string CaPem { get; }

        /// <summary>The server certificate, PEM.</summary>
        public string ServerPem { get; }

        /// <summary>The server's private key, PKCS#8 PEM.</summary>
        public string ServerKeyPem { get; }

        public static TestCertificates Create()
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;
            using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var caRequest = new CertificateRequest("CN=NanoTlv throw-away test CA", caKey, HashAlgorithmName.SHA256);
            caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
            using X509Certificate2 ca = caRequest.CreateSelfSigned(now.AddHours(-1), now.AddDays(1));

            using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
            serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            serverRequest.CertificateExtensions.Add(names.Build());
            serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
            using X509Certificate2 server = serverRequest.Create(ca, now.AddHours(-1), now.AddDays(1), RandomNumberGenerator.GetBytes(16));
            return new TestCertificates(ca.ExportCertificatePem(), server.ExportCertificatePem(), serverKey.ExportPkcs8PrivateKeyPem());
        }

        /// <summary>Writes the CA certificate to <paramref name="path"/> and returns the path.</summary>
        public string WriteCa(string path)
        {
            File.WriteAllText(path, CaPem);
            return path;
        }

        /// <summary>Writes the files into <paramref name="directory"/> and returns Mosquitto's TLS lines for the listener.</summary>
        internal string MosquittoListenerConfig(string directory)
        {
            string ca = WriteCa(Path.Combine(directory, "ca.pem"));
            string certificate = Path.Combine(directory, "server.pem");
            string key = Path.Combine(directory, "server-key.pem");
            File.WriteAllText(certificate, ServerPem);
            File.WriteAllText(key, ServerKeyPem);
            return "cafile " + ca + "\ncertfile " + certificate + "\nkeyfile " + key + "\n";
        }
    }
}
