package dev.aiperf.engine;

import dev.aiperf.api.ui.AiperfUi;
import dev.aiperf.api.ui.LiveMetrics;
import dev.aiperf.api.ui.LiveServerMetrics;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Drives the UI from one daemon thread: phase starts and ends, and a progress snapshot every
 * {@value #INTERVAL_MS} ms in between. The scheduler thread never calls the UI, so a slow terminal
 * cannot delay a request.
 */
final class ProgressReporter implements AutoCloseable {
    static final long INTERVAL_MS = 100;

    private final AiperfUi ui;
    /** The server's load when the run scrapes server metrics (null gives null), shown in every phase. */
    private final Supplier<LiveServerMetrics> server;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aiperf-progress");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> ticking;

    ProgressReporter(AiperfUi ui) {
        this(ui, () -> null);
    }

    ProgressReporter(AiperfUi ui, Supplier<LiveServerMetrics> server) {
        this.ui = ui;
        this.server = server;
    }

    void phaseStarted(PhaseProgress progress) {
        phaseStarted(progress, null);
    }

    /** A phase started; {@code live} (or null) gives what it measured so far, before each progress tick. */
    void phaseStarted(PhaseProgress progress, Supplier<LiveMetrics> live) {
        thread.execute(() -> ui.phaseStarted(progress.phase().wireName(), progress.expectedRequests(),
                progress.durationSeconds()));
        ticking = thread.scheduleAtFixedRate(() -> {
            if (live != null) {
                ui.liveMetrics(live.get());
            }
            LiveServerMetrics load = server.get();
            if (load != null) {
                ui.liveServerMetrics(load);
            }
            ui.progress(progress.snapshot(System.nanoTime()));
        }, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    void phaseCompleted(PhaseProgress progress) {
        if (ticking != null) {
            ticking.cancel(false);
        }
        long now = System.nanoTime();
        thread.execute(() -> ui.phaseCompleted(progress.snapshot(now)));
    }

    /** Closes the UI and waits (briefly) until it has drawn its last line. */
    @Override
    public void close() {
        thread.execute(ui::close);
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
