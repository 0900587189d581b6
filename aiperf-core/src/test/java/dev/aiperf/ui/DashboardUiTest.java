package dev.aiperf.ui;

import dev.aiperf.api.ui.AiperfUi.Progress;
import dev.aiperf.api.ui.LiveMetrics;
import dev.aiperf.api.ui.UiContext;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard on a virtual terminal of fixed size: JLine's external terminal over in-memory streams. */
class DashboardUiTest {

    @Test
    void drawsOnTheAlternateScreenAndQuitsWithQ() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        // In memory, synchronous: the builder would open a real pty and copy its output on a pump thread.
        Terminal terminal = new ExternalTerminal("test", "xterm-256color", in, screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(100, 30));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CountDownLatch stopped = new CountDownLatch(1);
        DashboardUi ui = new DashboardUi(new UiContext(null, new PrintStream(err, true, StandardCharsets.UTF_8),
                stopped::countDown), terminal);

        ui.phaseStarted("profiling", 200L, null);
        ui.liveMetrics(new LiveMetrics(new LiveMetrics.Percentiles(12.3, 20, 40.1, 50, 9), null,
                new LiveMetrics.Percentiles(200, 250, 300, 310, 9), 90, List.of()));
        ui.progress(new Progress("profiling", 12, 9, 0, 2.5, 200L, null));
        keys.write('p');
        keys.flush();
        awaitPaused(ui);
        ui.progress(new Progress("profiling", 14, 11, 0, 2.7, 200L, null));
        String pausedFrame = String.join("\n", DashboardFrame.render(ui.state(), 100, 30).stream()
                .map(Object::toString).toList());
        assertThat(pausedFrame).contains("display paused; the run goes on", "[p] resume  [q] stop");
        keys.write('q');
        keys.flush();
        assertThat(stopped.await(5, TimeUnit.SECONDS)).as("q stops the run").isTrue();
        assertThat(ui.state().stopping()).isTrue();
        ui.phaseCompleted(new Progress("profiling", 14, 14, 1, 3.0, 200L, null));
        ui.close();
        terminal.close();

        String drawn = screen.toString(StandardCharsets.UTF_8);
        // entered and left the alternate screen, drew the frame (JLine's Display then redraws only what changed)
        assertThat(drawn).startsWith("\u001b[?1049h").contains("\u001b[?1049l")
                .contains("AIPerf |", "profiling", "Time to first token", "display paused", "stopping: cancellin");
        assertThat(ui.state().throughput()).containsExactly(9.0, 0.0);
        // the alternate screen is gone afterwards: one line per phase is left in the scrollback
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("aiperf: profiling   7% 14/200 requests".replace("   7%", " 7%"))
                .contains("TTFT p50/p99 12.3/40.1 ms").endsWith("(done)\n");
    }

    private static void awaitPaused(DashboardUi ui) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!ui.state().paused() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(ui.state().paused()).as("p pauses the display").isTrue();
    }

    @Test
    void withoutATerminalItPrintsProgressLines() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        DashboardUi ui = new DashboardUi(new UiContext(null, new PrintStream(err, true, StandardCharsets.UTF_8)), null);
        ui.phaseStarted("profiling", 10L, null);
        ui.phaseCompleted(new Progress("profiling", 10, 10, 0, 1, 10L, null));
        ui.close();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("the dashboard needs an interactive terminal; printing progress lines instead")
                .contains("aiperf: profiling started, 10 requests").contains("(done)");
    }
}
