package dev.aiperf.mock;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The socket and timer machinery under the event loops. Native epoll wakes scheduled writes within microseconds;
 * Java NIO's selector only within about a millisecond, which is 20% of the default inter-token latency.
 */
public enum IoTransport {
    /** Epoll where its native library loads (Linux x86_64), NIO everywhere else. */
    AUTO,
    /** Java NIO: portable, timers precise to about a millisecond. */
    NIO,
    /** Native epoll (Linux x86_64 only): timers precise to microseconds. */
    EPOLL;

    /** The transport {@link #AUTO} stands for on this machine; others stand for themselves. */
    IoTransport resolve() {
        if (this == AUTO) {
            return Epoll.isAvailable() ? EPOLL : NIO;
        }
        if (this == EPOLL && !Epoll.isAvailable()) {
            throw new MockServerStartException("--transport epoll is not available here: "
                    + Epoll.unavailabilityCause().getMessage() + " (use --transport nio or auto)",
                    Epoll.unavailabilityCause());
        }
        return this;
    }

    IoHandlerFactory ioHandlerFactory() {
        return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    Class<? extends ServerChannel> serverChannelClass() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
