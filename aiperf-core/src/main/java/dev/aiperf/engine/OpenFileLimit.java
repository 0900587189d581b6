package dev.aiperf.engine;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.aiperf.api.config.LoadConfig;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Checks, before the first request, that the run's connections fit under the process's open-file
 * limit: each connection is a file descriptor, and past the limit every new connection fails with an
 * obscure "Too many open files". On Linux the JVM itself raises the soft limit to the hard limit at
 * start-up ({@code -XX:+MaxFDLimit}, on by default), so the limit read here is already as high as this
 * process can make it without privileges; when the run still does not fit, the message says how to
 * raise it.
 */
public final class OpenFileLimit {
    /** Descriptors beyond the connections: jars, the artifact files, the event loops' selectors, the JVM's own. */
    static final int HEADROOM = 128;

    private OpenFileLimit() {
    }

    /** The most connections the run can hold at once: its concurrency (or warm-up's), or null when unbounded. */
    public static Integer connections(LoadConfig load) {
        Integer profiling = load.concurrency();
        Integer warmup = load.warmupConcurrency();
        if (profiling == null) {
            return warmup;
        }
        return warmup == null ? profiling : Math.max(profiling, warmup);
    }

    /**
     * Fails when {@code connections} (each costing {@code descriptorsPerConnection}: 2 when the mock
     * server runs in this process and holds the other end) cannot be open at once.
     *
     * @throws IOException naming the limit, what the run needs, and how to raise the limit
     */
    public static void check(Integer connections, int descriptorsPerConnection) throws IOException {
        if (connections == null) {
            return;
        }
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (!(os instanceof UnixOperatingSystemMXBean unix)) {
            return; // no such limit to read here (Windows)
        }
        long limit = unix.getMaxFileDescriptorCount();
        long open = unix.getOpenFileDescriptorCount();
        long needed = open + HEADROOM + (long) connections * descriptorsPerConnection;
        if (limit <= 0 || needed <= limit) {
            return;
        }
        OptionalLong hard = hardLimit();
        String raise = hard.isPresent() && hard.getAsLong() < needed
                ? "the hard limit is " + format(hard.getAsLong()) + ", so raise it first (as root: ulimit -Hn "
                + format(needed) + ", or LimitNOFILE= in a systemd unit, or nofile in /etc/security/limits.conf),"
                + " then ulimit -n " + format(needed)
                : "raise it with ulimit -n " + format(needed) + " in the shell that starts aiperf";
        throw new IOException("concurrency " + format(connections) + " needs about " + format(needed)
                + " open files (" + (descriptorsPerConnection == 2 ? "2 per connection with the embedded mock server, "
                : "1 per connection, ") + "plus " + format(open + HEADROOM) + " for the process), but the open-file"
                + " limit of this process is " + format(limit) + "; " + raise + ", or lower --concurrency");
    }

    /** The hard open-file limit from {@code /proc/self/limits} (Linux), if it can be read and is finite. */
    static OptionalLong hardLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] fields = line.substring("Max open files".length()).trim().split("\\s+");
                    return fields.length > 1 && !fields[1].equals("unlimited")
                            ? OptionalLong.of(Long.parseLong(fields[1])) : OptionalLong.empty();
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not Linux, or no /proc: the message then just says how to raise the soft limit
        }
        return OptionalLong.empty();
    }

    private static String format(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
