package dev.aiperf.engine;

import sun.misc.Signal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT (Ctrl-C) and SIGTERM ({@code kill}, {@code Process.destroy()}) into a graceful stop:
 * the first signal asks the run to stop sending, cancel what is in flight and export what it
 * measured; a second one exits at once. A shutdown hook covers the other ways the JVM can be told to
 * exit (SIGHUP, or a platform where signal handlers cannot be installed): it asks for the same stop
 * and waits a bounded time for the export to finish.
 */
public final class InterruptSignals implements AutoCloseable {
    static final int EXIT_CODE = 130;
    /** The conventional exit code after SIGTERM (128 + 15). */
    static final int TERM_EXIT_CODE = 143;
    private static final long HOOK_WAIT_SECONDS = 30;

    private final Runnable onInterrupt;
    private final PrintStream err;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Restorer> restorers = new ArrayList<>();
    private final Thread hook;
    private volatile boolean signalled;
    private volatile boolean terminated;

    private record Restorer(Signal signal, sun.misc.SignalHandler previous) {
    }

    private InterruptSignals(Runnable onInterrupt, PrintStream err) {
        this.onInterrupt = onInterrupt;
        this.err = err;
        this.hook = new Thread(this::onShutdown, "aiperf-shutdown");
    }

    /** Installs the handlers; {@link #close()} restores the previous ones. */
    public static InterruptSignals install(Runnable onInterrupt, PrintStream err) {
        InterruptSignals signals = new InterruptSignals(onInterrupt, err);
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal signal = new Signal(name);
                signals.restorers.add(new Restorer(signal, Signal.handle(signal, s -> signals.onSignal(s))));
            } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
                // The signal is unknown here or reserved by the JVM (-Xrs): the shutdown hook covers it.
            }
        }
        Runtime.getRuntime().addShutdownHook(signals.hook);
        return signals;
    }

    private void onSignal(Signal signal) {
        boolean term = "TERM".equals(signal.getName());
        if (signalled) {
            Runtime.getRuntime().halt(term || terminated ? TERM_EXIT_CODE : EXIT_CODE);
        }
        terminated = term;
        signalled = true;
        err.println();
        err.println("aiperf: interrupted; cancelling in-flight requests and exporting what was measured"
                + " (press Ctrl-C again to quit at once)");
        err.flush();
        onInterrupt.run();
    }

    private void onShutdown() {
        signalled = true;
        onInterrupt.run();
        try {
            finished.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the stop came from SIGTERM (exit 143) rather than SIGINT (exit 130). */
    public boolean terminated() {
        return terminated;
    }

    /** Whether a signal asked the run to stop. */
    public boolean signalled() {
        return signalled;
    }

    /** The run has exported everything; a pending shutdown may proceed. */
    @Override
    public void close() {
        finished.countDown();
        for (Restorer r : restorers) {
            Signal.handle(r.signal(), r.previous());
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run; it returns once finished is counted down.
        }
    }
}
