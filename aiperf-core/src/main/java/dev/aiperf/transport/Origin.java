package dev.aiperf.transport;

import java.net.URI;
import java.util.Locale;

/**
 * Where connections go: scheme, host and port of a request URL. Connections are pooled per origin.
 *
 * @param secure whether TLS is used ({@code https})
 */
record Origin(String host, int port, boolean secure) {

    /**
     * @throws IllegalArgumentException when the URL is not {@code http} or {@code https} or has no host
     */
    static Origin of(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean secure = switch (scheme) {
            case "http" -> false;
            case "https" -> true;
            default -> throw new IllegalArgumentException("The http transport serves http:// and https:// URLs,"
                    + " not '" + url + "'");
        };
        if (url.getHost() == null) {
            throw new IllegalArgumentException("The URL '" + url + "' has no host");
        }
        int port = url.getPort() >= 0 ? url.getPort() : secure ? 443 : 80;
        return new Origin(url.getHost(), port, secure);
    }

    /** The {@code Host} header value: the port only when it is not the scheme's default. */
    String hostHeader() {
        String name = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == (secure ? 443 : 80) ? name : name + ":" + port;
    }

    /*
     * equals and hashCode written out: a record's generated ones go through an invokedynamic call site whose method
     * handles C2 inlines as a few hundred bytecodes wherever they are used, and the pools look an origin up on every
     * acquire (the sending thread) and release (the event loop, inside the response handler's compilation).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Origin that && port == that.port && secure == that.secure && host.equals(that.host);
    }

    @Override
    public int hashCode() {
        return (host.hashCode() * 31 + port) * 31 + Boolean.hashCode(secure);
    }

    @Override
    public String toString() {
        return (secure ? "https://" : "http://") + hostHeader();
    }
}
