package dev.aiperf.ui;

import dev.aiperf.api.ui.AiperfUi.Progress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressUiTest {

    private static final Progress HALF = new Progress("profiling", 110, 100, 3, 10, 200L, null);

    @Test
    void theBarShowsFractionCountsRateErrorsAndEta() {
        String line = new ProgressBarUi(new PrintStream(new ByteArrayOutputStream()), 100).render(HALF);
        assertThat(line).hasSize(99).startsWith("profiling [").contains(" 50%", "100/200 requests", "10.0 req/s",
                "3 errors", "0:10 ETA 0:10");
        long filled = line.chars().filter(c -> c == '#').count();
        long empty = line.chars().filter(c -> c == '.').count();
        assertThat(filled).isCloseTo(empty, org.assertj.core.data.Offset.offset(1L));
    }

    @Test
    void aTimeBoundPhaseMeasuresProgressByTime() {
        Progress timed = new Progress("profiling", 10, 10, 0, 15, null, 60.0);
        assertThat(timed.fraction()).isEqualTo(0.25);
        assertThat(timed.etaSeconds()).isEqualTo(45.0);
        assertThat(LogProgressUi.line(timed)).contains("25%", "10 requests", "ETA 0:45");
    }

    @Test
    void theBarRedrawsInPlaceAndEndsWithANewline() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBarUi ui = new ProgressBarUi(new PrintStream(bytes, true, StandardCharsets.UTF_8), 80);
        ui.phaseStarted("profiling", 200L, null);
        ui.progress(HALF);
        ui.phaseCompleted(new Progress("profiling", 200, 200, 3, 20, 200L, null));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\r").endsWith("\n").contains("100%");
        assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void theLogUiPrintsAtMostOneLinePerInterval() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LogProgressUi ui = new LogProgressUi(new PrintStream(bytes, true, StandardCharsets.UTF_8), 60_000_000_000L);
        ui.phaseStarted("profiling", 200L, null);
        for (int i = 0; i < 50; i++) {
            ui.progress(HALF);
        }
        ui.phaseCompleted(HALF);
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(2)
                .last().asString().endsWith("(done)");
    }
}
