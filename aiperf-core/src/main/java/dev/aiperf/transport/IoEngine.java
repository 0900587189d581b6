package dev.aiperf.transport;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringSocketChannel;

import java.util.Locale;

/**
 * The socket and timer machinery under the client's event loops ({@code --io-engine}). Native epoll reads with
 * fewer system calls and Java objects per wake-up than Java NIO's selector and runs its timers on a timerfd
 * (microseconds, where NIO's selector sleeps in whole milliseconds); io_uring is measured in bench/README.md
 * ("The client's event loop: epoll, io_uring, NIO") and stays opt-in.
 */
public enum IoEngine {
    /** Native epoll where its library loads (Linux x86_64), Java NIO everywhere else. */
    AUTO("auto"),
    /** Java NIO: portable. */
    NIO("nio"),
    /** Native epoll: Linux x86_64 only. */
    EPOLL("epoll"),
    /** Native io_uring: Linux x86_64 with a kernel (5.x+) and seccomp profile that allow it. */
    IO_URING("io_uring");

    private final String optionValue;

    IoEngine(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The option's spelling: {@code auto}, {@code nio}, {@code epoll} or {@code io_uring}. */
    public String optionValue() {
        return optionValue;
    }

    /**
     * The engine named by an option value ({@code io-uring} accepted for {@code io_uring}); null for null.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static IoEngine of(String name) {
        if (name == null) {
            return null;
        }
        String key = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (IoEngine engine : values()) {
            if (engine.optionValue.equals(key)) {
                return engine;
            }
        }
        throw new IllegalArgumentException("--io-engine must be one of auto, nio, epoll, io_uring, got '" + name + "'");
    }

    /**
     * The engine that runs on this machine: {@link #AUTO} becomes epoll or NIO; an explicit native engine that cannot
     * load here (another OS or CPU, a kernel or seccomp profile refusing io_uring) is an error naming the cause.
     *
     * @throws IllegalArgumentException when an explicitly chosen engine is not available
     */
    public IoEngine resolve() {
        return switch (this) {
            case AUTO -> Epoll.isAvailable() ? EPOLL : NIO;
            case NIO -> NIO;
            case EPOLL -> {
                if (!Epoll.isAvailable()) {
                    throw unavailable(Epoll.unavailabilityCause());
                }
                yield EPOLL;
            }
            case IO_URING -> {
                if (!IoUring.isAvailable()) {
                    throw unavailable(IoUring.unavailabilityCause());
                }
                yield IO_URING;
            }
        };
    }

    private IllegalArgumentException unavailable(Throwable cause) {
        String reason = cause == null ? "not available" : cause.getMessage() != null ? cause.getMessage()
                : cause.getClass().getSimpleName();
        return new IllegalArgumentException("--io-engine " + optionValue + " is not available on this machine ("
                + reason + "); use --io-engine auto or nio", cause);
    }

    /** The event loops' I/O handler; only for a resolved engine. */
    IoHandlerFactory ioHandlerFactory() {
        return switch (this) {
            case EPOLL -> EpollIoHandler.newFactory();
            case IO_URING -> IoUringIoHandler.newFactory();
            default -> NioIoHandler.newFactory();
        };
    }

    /** The client socket class matching {@link #ioHandlerFactory()}. */
    Class<? extends SocketChannel> socketChannelClass() {
        return switch (this) {
            case EPOLL -> EpollSocketChannel.class;
            case IO_URING -> IoUringSocketChannel.class;
            default -> NioSocketChannel.class;
        };
    }
}
