package io.probehost.remote.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import io.probehost.api.ProbeException;

/**
 * TLS for the remote protocol. The station's key is self-signed and made on first use with the JDK's
 * keytool: {@code <state>/remote/station.p12} (0600) and the certificate clients copy,
 * {@code <state>/remote/station.crt}. A client trusts exactly the certificate it was given (pinning by
 * SHA-256 fingerprint), so no certificate authority and no host name enter into it.
 */
final class StationCertificate {
    /** The key store is protected by its file mode (0600), not by this password. */
    private static final char[] STORE_PASSWORD = "probehost-station".toCharArray();
    private static final String ALIAS = "station";

    private StationCertificate() {
    }

    static Path keyStore(Path state) {
        return state.resolve("remote").resolve("station.p12");
    }

    static Path certificate(Path state) {
        return state.resolve("remote").resolve("station.crt");
    }

    /** The station's TLS context, making its key and certificate first when there are none. */
    static SSLContext station(Path state) {
        Path store = keyStore(state);
        try {
            if (!Files.exists(store)) {
                make(store, certificate(state));
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, STORE_PASSWORD);
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new ProbeException("remote: cannot load the station's TLS key " + store + ": " + e.getMessage(), e);
        }
    }

    /** A client context that trusts only the certificate in {@code pinned} (PEM or DER). */
    static SSLContext pinned(Path pinned) {
        try {
            X509Certificate expected = read(pinned);
            String fingerprint = fingerprint(expected);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, new TrustManager[] {new PinnedTrust(fingerprint, pinned)}, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new ProbeException("remote: cannot read the station certificate " + pinned + ": " + e.getMessage(), e);
        }
    }

    static X509Certificate read(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** SHA-256 of the certificate's DER encoding, as colon-separated upper-case hex (as keytool prints it). */
    static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    private static void make(Path store, Path certificate) throws IOException {
        Files.createDirectories(store.getParent());
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        String password = new String(STORE_PASSWORD);
        run(List.of(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Probehost station", "-validity", "3650", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", password));
        run(List.of(keytool, "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", store.toString(), "-storepass",
                password, "-file", certificate.toString()));
        Files.setPosixFilePermissions(store, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + new String(output).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
    }

    /** Trusts a server whose certificate has the pinned fingerprint, and nothing else. */
    private record PinnedTrust(String fingerprint, Path pinned) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            try {
                String presented = StationCertificate.fingerprint(chain[0]);
                if (!presented.equals(fingerprint)) {
                    throw new java.security.cert.CertificateException("the station's certificate (SHA-256 " + presented
                            + ") is not the one in " + pinned);
                }
            } catch (GeneralSecurityException e) {
                throw new java.security.cert.CertificateException(e.getMessage(), e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("clients are not authenticated by certificate");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
