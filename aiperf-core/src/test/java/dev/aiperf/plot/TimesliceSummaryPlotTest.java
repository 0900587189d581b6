package dev.aiperf.plot;

import dev.aiperf.api.plot.PlotContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code timeslice}: drawn from profile_export_aiperf_timeslices.json, nothing without it. */
class TimesliceSummaryPlotTest {
    @TempDir
    Path dir;

    @Test
    void eachSlicesStatisticsAreDrawnAndARunWithoutSlicesGetsNothing() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("profile_export_aiperf.json"), "{\"request_count\": {\"unit\": \"requests\", \"avg\": 9}}");
        PlotContext context = new PlotContext("dark", 640, 400);
        assertThat(new TimesliceSummaryPlot(context).render(List.of(run), dir)).isEmpty();

        StringBuilder slices = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            slices.append(i == 0 ? "" : ",").append("""
                    {"timeslice_index": %d,
                     "time_to_first_token": {"unit": "ms", "avg": %d.5, "p50": %d.0, "p99": %d.0},
                     "request_throughput": {"unit": "requests/sec", "avg": %d.0}}""".formatted(i, 20 + i, 19 + i, 40 + i, 10 + i));
        }
        Files.writeString(run.resolve("profile_export_aiperf_timeslices.json"),
                "{\"timeslices\": [" + slices + "], \"input_config\": {}}");

        List<Path> files = new TimesliceSummaryPlot(context).render(List.of(run), dir);

        assertThat(files).containsExactly(dir.resolve("time_to_first_token_timeslices.png"),
                dir.resolve("throughput_timeslices.png"));
        for (Path file : files) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(400);
            assertThat(image.getRGB(image.getWidth() / 2, 3) & 0xFF).as("a dark background").isLessThan(80);
        }
    }
}
