package dev.aiperf.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.artifacts.RunArtifacts;
import dev.aiperf.artifacts.TimeWindows;
import dev.aiperf.gpu.GpuTelemetryJsonlWriter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code dual_axis} (the original's "Dual Metric Overlay"): the run's output tokens per second (requests per second
 * when it counted no tokens) on the left axis and the GPUs' mean utilisation on the right, per time window, from
 * {@code gpu_telemetry_export.jsonl}. A run without GPU telemetry gets no file.
 */
public final class DualAxisPlot extends PerRunPlot {
    static final String FILE = "throughput_and_gpu_utilization.png";
    private static final String UTILIZATION = "nvidia_gpu_utilization";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public DualAxisPlot(PlotContext context) {
        super(context);
    }

    @Override
    protected List<Path> draw(RunArtifacts run, Path outputDir) throws IOException {
        Path telemetry = run.dir().resolve(GpuTelemetryJsonlWriter.FILE);
        if (run.requests().isEmpty() || !Files.isRegularFile(telemetry)) {
            return List.of();
        }
        TimeWindows windows = TimeWindows.of(run);
        double[] sums = new double[windows.windows().size()];
        int[] counts = new int[sums.length];
        long zero = run.startNs();
        try (BufferedReader lines = Files.newBufferedReader(telemetry)) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode sample = sample(line);
                JsonNode value = sample == null ? null : sample.path("telemetry_data").get(UTILIZATION);
                if (value == null || !value.isNumber()) {
                    continue;
                }
                int i = (int) Math.floor(seconds(sample.path("timestamp_ns").asLong(), zero) / windows.widthSeconds());
                if (i >= 0 && i < sums.length) {
                    sums[i] += value.doubleValue();
                    counts[i]++;
                }
            }
        }
        XYSeries utilization = new XYSeries("GPU utilisation, mean of the GPUs (%)");
        for (int i = 0; i < sums.length; i++) {
            if (counts[i] > 0) {
                utilization.add(windows.windows().get(i).startSeconds() + windows.widthSeconds() / 2, sums[i] / counts[i]);
            }
        }
        if (utilization.isEmpty()) {
            return List.of();
        }
        boolean tokens = windows.windows().stream().anyMatch(w -> w.tokensPerSecond() > 0);
        XYSeries throughput = new XYSeries(tokens ? "Output tokens/s" : "Requests/s");
        for (TimeWindows.Window w : windows.windows()) {
            throughput.add(w.startSeconds(), tokens ? w.tokensPerSecond() : w.requestsPerSecond());
        }
        TimeWindows.Window last = windows.windows().getLast();
        throughput.add(last.startSeconds() + windows.widthSeconds(), tokens ? last.tokensPerSecond()
                : last.requestsPerSecond());

        XYStepRenderer left = new XYStepRenderer();
        left.setSeriesPaint(0, ChartStyle.color(0));
        left.setSeriesStroke(0, new BasicStroke(2.5f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(throughput), new NumberAxis("Time since the first request (s)"),
                new NumberAxis(tokens ? "Output tokens/s" : "Requests/s"), left);
        NumberAxis percent = new NumberAxis("GPU utilisation (%)");
        percent.setRange(0, 100);
        plot.setRangeAxis(1, percent);
        plot.setDataset(1, new XYSeriesCollection(utilization));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer right = new XYLineAndShapeRenderer(true, true);
        right.setSeriesPaint(0, ChartStyle.color(1));
        right.setSeriesStroke(0, new BasicStroke(2.5f));
        plot.setRenderer(1, right);
        JFreeChart chart = new JFreeChart("Throughput and GPU utilisation (" + windows.widthSeconds() + " s windows) - "
                + run.label(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return List.of(ChartStyle.write(chart, context, outputDir.resolve(FILE)));
    }

    /** One line of the telemetry file; null for a torn or unreadable line (a killed run's last). */
    private static JsonNode sample(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }
}
