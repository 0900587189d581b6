package dev.aiperf.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link WholeLineFile} against the two ways a file gets cut: a {@code kill -9} of a real process in
 * the middle of writing, and a write that fails part way (a real file-size limit, {@code ulimit -f},
 * fails a write the way a full disk does: some bytes land, then {@code EFBIG}/{@code ENOSPC}).
 */
@EnabledOnOs(OS.LINUX)
class WholeLineFileTest {
    @TempDir
    Path dir;

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Every line of the file is line n of the writer, in order, and the file ends with a newline. */
    private static int assertWholeLines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            assertThat(text).endsWith("\n");
        }
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).as("line %d", i).isEqualTo(LineWritingProcess.line(i));
        }
        return lines.size();
    }

    /**
     * Killed at random moments while writing at the pipeline's rhythm (a batch of 7 lines, then 1 ms):
     * every time, only whole lines. (A write spanning a 4 KiB page can still be stopped at the page
     * boundary by the kernel if SIGKILL lands during that very write, a few microseconds in each
     * millisecond here; see the class comment of WholeLineFile.)
     */
    @Test
    void killMinusNineLeavesOnlyWholeLines() throws Exception {
        for (int attempt = 0; attempt < 4; attempt++) {
            Path file = dir.resolve("kill" + attempt + ".jsonl");
            Process process = new ProcessBuilder(java(), "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), LineWritingProcess.class.getName(), file.toString(),
                    Long.toString(Long.MAX_VALUE), "1000").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("kill.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            long killAt = 50_000L + attempt * 70_000L;
            while ((!Files.exists(file) || Files.size(file) < killAt) && process.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(process.isAlive()).as("the writer is still writing when killed").isTrue();
            process.destroyForcibly(); // SIGKILL
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(assertWholeLines(file)).isGreaterThan(20);
        }
    }

    @Test
    void aWriteThatFailsPartWayIsCutBackToTheLastWholeLine() throws Exception {
        Path file = dir.resolve("limited.jsonl");
        // 256 blocks of 1 KiB: the write that crosses 256 KiB lands partly, then the next part fails.
        String command = "ulimit -f 256 && exec '" + java() + "' -Xmx64m -cp '" + System.getProperty("java.class.path")
                + "' " + LineWritingProcess.class.getName() + " '" + file + "'";
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(3);
        assertThat(output).contains("cannot write " + file).contains("File too large")
                .contains("bytes of whole lines and no further line is written");
        assertThat(Files.size(file)).isLessThanOrEqualTo(256 * 1024);
        assertThat(assertWholeLines(file)).isGreaterThan(10);
    }

    @Test
    void aFullDeviceIsAClearErrorAndTheFileRefusesMoreLines() throws Exception {
        Path full = Path.of("/dev/full");
        if (!Files.isWritable(full)) {
            return;
        }
        WholeLineFile out = new WholeLineFile(full);
        out.append("{\"n\":0}");
        assertThatThrownBy(out::flush).hasMessageContaining("cannot write /dev/full: No space left on device");
        assertThatThrownBy(() -> out.append("{\"n\":1}")).hasMessageContaining("No space left on device");
        out.close();
    }

    @Test
    void linesReachTheFileOnlyOnFlushAndWhole() throws IOException {
        Path file = dir.resolve("f.jsonl");
        try (WholeLineFile out = new WholeLineFile(file)) {
            out.append(LineWritingProcess.line(0));
            out.append(LineWritingProcess.line(1));
            assertThat(Files.size(file)).isZero();
            out.flush();
            assertThat(assertWholeLines(file)).isEqualTo(2);
            for (int i = 2; i < 400; i++) {
                out.append(LineWritingProcess.line(i)); // past MAX_PENDING_BYTES: flushes itself, whole lines only
            }
            assertThat(Files.size(file)).isPositive();
            assertWholeLines(file);
        }
        assertThat(assertWholeLines(file)).isEqualTo(400);
    }
}
