using System;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace NanoTlv.Bridge
{
    /// <summary>
    /// Checks a TLS broker's certificate: against the system's trust store, or with <see cref="BridgeOptions.TrustedCaFile"/>
    /// against the CA certificates in that file only. Keeps why the last certificate was refused, because the TLS
    /// stack only reports "rejected by the validation callback".
    /// </summary>
    internal sealed class BrokerCertificateCheck
    {
        private readonly X509Certificate2Collection? _trustedCas;

        private BrokerCertificateCheck(X509Certificate2Collection? trustedCas) => _trustedCas = trustedCas;

        /// <summary>Why the broker's certificate was last refused, or null.</summary>
        public string? LastProblem { get; private set; }

        /// <summary>A check for <paramref name="options"/>: with its CA file loaded, when it names one.</summary>
        /// <exception cref="ArgumentException">The CA file cannot be read or holds no certificate.</exception>
        public static BrokerCertificateCheck For(BridgeOptions options) =>
            new(options.TrustedCaFile is null ? null : LoadCas(options.TrustedCaFile));

        /// <summary>Loads the PEM CA certificates in <paramref name="path"/>.</summary>
        /// <exception cref="ArgumentException">The file cannot be read or holds no certificate.</exception>
        public static X509Certificate2Collection LoadCas(string path)
        {
            var cas = new X509Certificate2Collection();
            try
            {
                cas.ImportFromPemFile(path);
            }
            catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw new ArgumentException("Cannot read the CA file " + path + ": " + ex.Message, nameof(BridgeOptions.TrustedCaFile), ex);
            }

            return cas.Count > 0 ? cas : throw new ArgumentException("The CA file " + path + " holds no PEM certificate.", nameof(BridgeOptions.TrustedCaFile));
        }

        /// <summary>MQTTnet's validation callback: true when the broker's certificate is trusted.</summary>
        public bool Validate(MqttClientCertificateValidationEventArgs e)
        {
            LastProblem = Problem(e.Certificate, e.Chain, e.SslPolicyErrors);
            return LastProblem is null;
        }

        private string? Problem(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                return "the broker sent no certificate";
            }

            string subject = certificate.Subject;
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return "the broker's certificate (" + subject + ") is not issued for the broker's host name or address";
            }

            if (errors == SslPolicyErrors.None && _trustedCas is null)
            {
                return null;
            }

            if (_trustedCas is null)
            {
                return "the broker's certificate (" + subject + ") is not trusted: " + ChainStatus(chain) + " (give its CA with --ca-file, or --tls-insecure for a test broker)";
            }

            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(_trustedCas);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (chain is not null)
            {
                foreach (X509ChainElement element in chain.ChainElements)
                {
                    custom.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            using X509Certificate2 leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return custom.Build(leaf)
                ? null
                : "the broker's certificate (" + subject + ") is not signed by a CA in the CA file: " + ChainStatus(custom);
        }

        private static string ChainStatus(X509Chain? chain)
        {
            if (chain is null || chain.ChainStatus.Length == 0)
            {
                return "its chain does not validate";
            }

            return string.Join("; ", Array.ConvertAll(chain.ChainStatus, s => s.Status + " (" + s.StatusInformation.Trim() + ")"));
        }
    }
}
