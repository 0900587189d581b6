package dev.aiperf.mock;

import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;

import javax.net.ssl.KeyManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * TLS for the mock server, offering {@code h2} and {@code http/1.1} by ALPN: HTTP/2 and HTTPS clients
 * both connect to the same port. {@link #selfSigned()} makes a certificate for {@code localhost} and
 * {@code 127.0.0.1} with the JDK's own {@code keytool} (Netty's {@code SelfSignedCertificate} needs
 * BouncyCastle, or JDK internals that newer JDKs close off), once per JVM.
 */
public final class MockTls {

    private static final char[] PASSWORD = "aiperf-mock".toCharArray();
    private static volatile MockTls selfSigned;

    private final SslContext context;

    private MockTls(SslContext context) {
        this.context = context;
    }

    /**
     * A self-signed certificate, valid for two days; clients must skip verification
     * ({@code AIPERF_HTTP_SSL_VERIFY=false}).
     *
     * @throws IllegalStateException when the JDK has no keytool or it fails
     */
    public static MockTls selfSigned() {
        MockTls tls = selfSigned;
        if (tls == null) {
            synchronized (MockTls.class) {
                if (selfSigned == null) {
                    selfSigned = new MockTls(serverContext(generateKeys()));
                }
                tls = selfSigned;
            }
        }
        return tls;
    }

    SslContext context() {
        return context;
    }

    private static SslContext serverContext(KeyManagerFactory keys) {
        try {
            return SslContextBuilder.forServer(keys).sslProvider(SslProvider.JDK)
                    .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyManagerFactory generateKeys() {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException("cannot make a self-signed certificate: the JDK has no keytool at "
                    + keytool);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("aiperf-mock-tls");
            Path store = dir.resolve("mock.p12");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "mock",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:0:0:0:0:0:0:0:1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool could not make a certificate: " + output.strip());
            }
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keyStore.load(in, PASSWORD);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, PASSWORD);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a self-signed certificate: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the self-signed certificate: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a self-signed certificate", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
