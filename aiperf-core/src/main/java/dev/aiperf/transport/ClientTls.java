package dev.aiperf.transport;

import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import javax.net.ssl.SSLException;

/**
 * A transport's client TLS context, built on first use (most runs never need one): JDK TLS, certificates
 * and host names checked unless {@code AIPERF_HTTP_SSL_VERIFY=false}; for HTTP/2, offering only {@code h2}
 * by ALPN with its cipher suites.
 */
final class ClientTls {

    private final boolean verify;
    private final boolean http2;
    private volatile SslContext context;

    ClientTls(boolean verify, boolean http2) {
        this.verify = verify;
        this.http2 = http2;
    }

    SslContext context() {
        SslContext built = context;
        if (built == null) {
            synchronized (this) {
                if (context == null) {
                    context = build(verify, http2);
                }
                built = context;
            }
        }
        return built;
    }

    static SslContext build(boolean verify, boolean http2) {
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
        if (http2) {
            builder.ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2));
        }
        if (verify) {
            builder.endpointIdentificationAlgorithm("HTTPS");
        } else {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
        }
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
