package dev.aiperf.ui;

import dev.aiperf.api.config.EndpointConfig;
import dev.aiperf.api.ui.AiperfUi;
import dev.aiperf.api.ui.LiveMetrics;
import dev.aiperf.api.ui.LiveServerMetrics;
import dev.aiperf.api.ui.UiContext;
import dev.aiperf.console.SystemTerminal;
import dev.aiperf.export.Redaction;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * UI {@code dashboard}: a full-screen live view on the terminal's alternate screen: phase progress,
 * throughput per second, live latency percentiles (TTFT, ITL, request latency), errors by type and, when the
 * run scrapes server metrics, the server's requests running and waiting and its KV-cache use.
 * Keys: {@code q} stops the run as Ctrl-C does (cancel in-flight requests, export what was measured),
 * {@code p} pauses the display (not the run). Ctrl-C keeps working: the terminal keeps its signal
 * keys. Without a terminal (a pipe, a file, CI) it prints the {@code simple} UI's progress lines.
 */
public final class DashboardUi implements AiperfUi {
    private static final long REDRAW_INTERVAL_NS = 200_000_000L;
    private static final int HISTORY_SECONDS = 600;

    private final AiperfUi fallback;
    private final Terminal terminal;
    private final Display display;
    private final Attributes saved;
    private final Runnable stopRun;
    private final PrintStream out;
    private final String title;
    private final Thread keys;
    private volatile boolean paused;
    private volatile boolean stopping;
    private volatile boolean closed;
    // Progress thread only:
    private Progress progress;
    private LiveMetrics live = LiveMetrics.NONE;
    private final List<Double> throughput = new ArrayList<>();
    private LiveServerMetrics server;
    private final List<Double> serverRunning = new ArrayList<>();
    private final List<Double> kvCacheUsage = new ArrayList<>();
    /** One line per finished phase, printed after leaving the alternate screen. */
    private final List<String> summaries = new ArrayList<>();
    private long completedAtLastSecond;
    private long lastDrawNs;
    private int lastWidth;
    private int lastHeight;
    private boolean drawnPaused;
    private boolean drawnStopping;

    public DashboardUi(UiContext context) {
        this(context, SystemTerminal.terminal().orElse(null));
    }

    DashboardUi(UiContext context, Terminal terminal) {
        this.out = context.out();
        this.stopRun = context.stopRun();
        this.title = title(context.config() == null ? null : context.config().endpoint());
        this.terminal = terminal;
        if (terminal == null) {
            out.println("aiperf: the dashboard needs an interactive terminal; printing progress lines instead");
            this.fallback = new LogProgressUi(context);
            this.display = null;
            this.saved = null;
            this.keys = null;
            return;
        }
        this.fallback = null;
        this.saved = terminal.getAttributes();
        Attributes keysOneByOne = new Attributes(saved);
        // Keys arrive one by one without echo; ISIG stays on, so Ctrl-C still reaches the run's handler.
        keysOneByOne.setLocalFlag(LocalFlag.ICANON, false);
        keysOneByOne.setLocalFlag(LocalFlag.ECHO, false);
        keysOneByOne.setControlChar(ControlChar.VMIN, 0);
        keysOneByOne.setControlChar(ControlChar.VTIME, 1);
        terminal.setAttributes(keysOneByOne);
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.cursor_invisible);
        terminal.flush();
        this.display = new Display(terminal, true);
        this.keys = new Thread(this::readKeys, "aiperf-dashboard-keys");
        keys.setDaemon(true);
        keys.start();
    }

    @Override
    public void phaseStarted(String phase, Long expectedRequests, Double durationSeconds) {
        if (fallback != null) {
            fallback.phaseStarted(phase, expectedRequests, durationSeconds);
            return;
        }
        progress = new Progress(phase, 0, 0, 0, 0, expectedRequests, durationSeconds);
        live = LiveMetrics.NONE;
        throughput.clear();
        serverRunning.clear();
        kvCacheUsage.clear();
        completedAtLastSecond = 0;
        draw(true);
    }

    @Override
    public void liveMetrics(LiveMetrics metrics) {
        if (fallback != null) {
            fallback.liveMetrics(metrics);
        } else {
            live = metrics;
        }
    }

    @Override
    public void liveServerMetrics(LiveServerMetrics metrics) {
        if (fallback == null) {
            server = metrics;
        }
    }

    @Override
    public void progress(Progress p) {
        if (fallback != null) {
            fallback.progress(p);
            return;
        }
        // One throughput entry per whole elapsed second.
        while (throughput.size() < (int) p.elapsedSeconds()) {
            throughput.add((double) (p.completed() - completedAtLastSecond));
            completedAtLastSecond = p.completed();
            if (throughput.size() > HISTORY_SECONDS) {
                throughput.remove(0);
            }
            if (server != null) {
                record(serverRunning, total(server, LiveServerMetrics.Endpoint::requestsRunning));
                Double kv = total(server, LiveServerMetrics.Endpoint::kvCacheUsagePercent);
                long withKv = server.endpoints().stream().filter(e -> e.kvCacheUsagePercent() != null).count();
                record(kvCacheUsage, kv == null ? null : kv / withKv);
            }
        }
        progress = p;
        draw(false);
    }

    @Override
    public void phaseCompleted(Progress p) {
        if (fallback != null) {
            fallback.phaseCompleted(p);
            return;
        }
        progress = p;
        draw(true);
        summaries.add(LogProgressUi.line(p, live == LiveMetrics.NONE ? null : live) + " (done)");
    }

    @Override
    public void close() {
        if (fallback != null) {
            fallback.close();
            return;
        }
        closed = true;
        try {
            keys.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        terminal.puts(Capability.exit_ca_mode);
        terminal.puts(Capability.cursor_visible);
        terminal.setAttributes(saved);
        terminal.flush();
        // The alternate screen is gone: leave one line per phase in the scrollback.
        summaries.forEach(out::println);
        out.flush();
    }

    private static void record(List<Double> history, Double value) {
        if (value != null) {
            history.add(value);
            if (history.size() > HISTORY_SECONDS) {
                history.remove(0);
            }
        }
    }

    /** The sum of one value over the endpoints that have it, or null when none has. */
    private static Double total(LiveServerMetrics metrics, Function<LiveServerMetrics.Endpoint, Double> value) {
        Double sum = null;
        for (LiveServerMetrics.Endpoint e : metrics.endpoints()) {
            Double v = value.apply(e);
            if (v != null) {
                sum = sum == null ? v : sum + v;
            }
        }
        return sum;
    }

    /** The state the next frame shows (for the tests). */
    DashboardState state() {
        Double tokensPerSecond = progress == null || progress.elapsedSeconds() <= 0 || live.outputTokens() == 0 ? null
                : live.outputTokens() / progress.elapsedSeconds();
        return new DashboardState(title, progress, live, throughput, tokensPerSecond, paused, stopping, server,
                serverRunning, kvCacheUsage);
    }

    private void draw(boolean now) {
        long t = System.nanoTime();
        int width = terminal.getWidth() > 0 ? terminal.getWidth() : 100;
        int height = terminal.getHeight() > 0 ? terminal.getHeight() : 30;
        boolean resized = width != lastWidth || height != lastHeight;
        // A key changes what the frame says at once, even while the display is paused.
        boolean keyed = paused != drawnPaused || stopping != drawnStopping;
        if (!now && !resized && !keyed && (paused || t - lastDrawNs < REDRAW_INTERVAL_NS)) {
            return;
        }
        drawnPaused = paused;
        drawnStopping = stopping;
        lastDrawNs = t;
        if (resized) {
            display.clear();
            display.resize(height, width);
            lastWidth = width;
            lastHeight = height;
        }
        List<AttributedString> frame = DashboardFrame.render(state(), width, height);
        display.update(frame, -1);
        terminal.flush();
    }

    private void readKeys() {
        while (!closed) {
            int key;
            try {
                key = terminal.reader().read(100);
            } catch (IOException e) {
                return;
            }
            if (key == 'q' || key == 'Q') {
                if (!stopping) {
                    stopping = true;
                    stopRun.run();
                }
            } else if (key == 'p' || key == 'P') {
                paused = !paused;
            }
        }
    }

    private static String title(EndpointConfig endpoint) {
        if (endpoint == null) {
            return "";
        }
        String url = endpoint.urls().isEmpty() ? "" : " @ " + Redaction.url(endpoint.urls().get(0))
                + (endpoint.urls().size() > 1 ? " (+" + (endpoint.urls().size() - 1) + ")" : "");
        return String.join(",", endpoint.models()) + " · " + endpoint.type() + (endpoint.streaming() ? " streaming" : "")
                + url;
    }
}
