package dev.aiperf.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that refuses every connection for as long as this stays open, for tests of what a
 * transport or a run does when the server is down.
 *
 * <p>Why not the usual "open a {@code ServerSocket(0)}, close it, use its port": once closed, the port
 * is free again. Under a loaded machine another test's server can bind it, or (worse) the kernel can
 * pick it as the ephemeral source port of the very connection that dials it, and on loopback that
 * connection then connects to itself: the request is read back as its own response and, without a
 * timeout, the test waits forever. Here the port stays bound by a socket that never listens, so a
 * connection to it is refused at once, nobody else gets the port, and the kernel never chooses it as
 * a source port.
 *
 * <pre>{@code
 * try (ClosedPort down = ClosedPort.open()) {
 *     RequestRecord record = send(down.url());   // a ConnectionError, "Connection refused"
 * }
 * }</pre>
 */
public final class ClosedPort implements AutoCloseable {
    private final Socket holder;

    private ClosedPort(Socket holder) {
        this.holder = holder;
    }

    /** Binds a fresh loopback port without listening on it. */
    public static ClosedPort open() {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
            return new ClosedPort(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot bind a loopback port", e);
        }
    }

    /** The port number; connecting to it on the loopback address is refused. */
    public int port() {
        return holder.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Frees the port. */
    @Override
    public void close() throws IOException {
        holder.close();
    }
}
