package dev.aiperf.plot;

import dev.aiperf.api.plot.PlotContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison plots over summaries laid out like a study's folders (two configurations, three repeats
 * each): real PNG files, decoded. Per-run plots over real runs are in aiperf-cli's PlotCommandTest.
 */
class ComparisonPlotsTest {
    @TempDir
    Path dir;

    @Test
    void repeatedRunsGetErrorBarsAndTheParetoFrontIsDrawn() throws IOException {
        List<Path> runs = new ArrayList<>();
        for (int concurrency : new int[] {2, 8}) {
            for (int repeat = 1; repeat <= 3; repeat++) {
                Path run = Files.createDirectories(dir.resolve("c" + concurrency + "/profile_runs/run_000" + repeat));
                Files.writeString(run.resolve("profile_export_aiperf.json"), """
                        {"request_latency": {"unit": "ms", "avg": %1$s, "p50": %1$s},
                         "output_token_throughput": {"unit": "tokens/sec", "avg": %2$s},
                         "time_to_first_token": {"unit": "ms", "p50": 20.0, "p99": %3$s},
                         "input_config": {"loadgen": {"concurrency": %4$d}}}"""
                        .formatted(100.0 * concurrency + repeat, 400.0 * concurrency - repeat * 10, 30.0 + concurrency,
                                concurrency));
                runs.add(run);
            }
        }
        PlotContext context = new PlotContext("light", 800, 500);

        List<Path> uncertainty = new LatencyThroughputUncertaintyPlot(context).render(runs, dir);
        List<Path> pareto = new ParetoPlot(context).render(runs, dir);
        List<Path> byLoad = new ScatterLinePlot(context).render(runs, dir);

        assertThat(uncertainty).containsExactly(dir.resolve("latency_throughput_uncertainty.png"));
        assertThat(pareto).containsExactly(dir.resolve("pareto.png"));
        assertThat(byLoad).containsExactly(dir.resolve("time_to_first_token_by_load.png"),
                dir.resolve("request_latency_by_load.png"));
        for (Path png : List.of(uncertainty.getFirst(), pareto.getFirst(), byLoad.getFirst())) {
            assertDrawn(png);
        }
    }

    @Test
    void runsThatWereNotRepeatedGetNoUncertaintyPlot() throws IOException {
        List<Path> runs = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            Path run = Files.createDirectories(dir.resolve(name));
            Files.writeString(run.resolve("profile_export_aiperf.json"), """
                    {"request_latency": {"unit": "ms", "p50": 10.0}, "request_throughput": {"unit": "requests/sec", "avg": 5.0}}""");
            runs.add(run);
        }
        assertThat(new LatencyThroughputUncertaintyPlot(PlotContext.defaults()).render(runs, dir)).isEmpty();
    }

    private static void assertDrawn(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as(png.toString()).isNotNull();
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours in %s", png).isGreaterThan(20);
    }
}
