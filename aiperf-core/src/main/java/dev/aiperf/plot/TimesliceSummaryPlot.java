package dev.aiperf.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.artifacts.RunArtifacts;
import dev.aiperf.export.ArtifactFiles;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code timeslice} (the original's "Time Window Summary"): the statistics of each time slice of a run
 * made with {@code --slice-duration}, read from {@code profile_export_aiperf_timeslices.json}: avg, p50 and
 * p99 of TTFT, ITL and request latency, and request and output token throughput, per slice. Nothing for a
 * run without slices.
 */
public final class TimesliceSummaryPlot extends PerRunPlot {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final List<String[]> LATENCIES = List.of(
            new String[] {"time_to_first_token", "Time to First Token (ms)"},
            new String[] {"inter_token_latency", "Inter Token Latency (ms)"},
            new String[] {"request_latency", "Request Latency (ms)"});

    public TimesliceSummaryPlot(PlotContext context) {
        super(context);
    }

    @Override
    protected List<Path> draw(RunArtifacts run, Path outputDir) throws IOException {
        Path file = run.dir().resolve(ArtifactFiles.DEFAULT.timeslicesJson());
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JsonNode slices = JSON.readTree(file.toFile()).path("timeslices");
        List<Path> written = new ArrayList<>();
        for (String[] metric : LATENCIES) {
            XYSeriesCollection dataset = series(slices, metric[0], List.of("avg", "p50", "p99"));
            if (dataset.getSeriesCount() > 0) {
                written.add(write(dataset, metric[1], metric[1].replace(" (ms)", "") + " per time slice - "
                        + run.label(), outputDir.resolve(metric[0] + "_timeslices.png")));
            }
        }
        XYSeriesCollection throughput = new XYSeriesCollection();
        for (String tag : List.of("request_throughput", "output_token_throughput")) {
            XYSeriesCollection one = series(slices, tag, List.of("avg"));
            if (one.getSeriesCount() > 0) {
                XYSeries series = one.getSeries(0);
                series.setKey(tag.equals("request_throughput") ? "requests/s" : "output tokens/s");
                throughput.addSeries(series);
            }
        }
        if (throughput.getSeriesCount() > 0) {
            written.add(write(throughput, "Throughput (per second)", "Throughput per time slice - " + run.label(),
                    outputDir.resolve("throughput_timeslices.png")));
        }
        return written;
    }

    /** One series per statistic over the slices that have it; none when no slice has the metric. */
    private static XYSeriesCollection series(JsonNode slices, String tag, List<String> statistics) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (String statistic : statistics) {
            XYSeries series = new XYSeries(statistic, false, true);
            for (JsonNode slice : slices) {
                JsonNode value = slice.path(tag).path(statistic);
                if (value.isNumber()) {
                    series.add(slice.path("timeslice_index").asInt(), value.doubleValue());
                }
            }
            if (!series.isEmpty()) {
                dataset.addSeries(series);
            }
        }
        return dataset;
    }

    private Path write(XYSeriesCollection dataset, String axis, String title, Path file) throws IOException {
        JFreeChart chart = ChartFactory.createXYLineChart(title, "Time slice", axis, dataset,
                PlotOrientation.VERTICAL, true, false, false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(i));
            renderer.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        chart.getXYPlot().setRenderer(renderer);
        chart.getXYPlot().getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return ChartStyle.write(chart, context, file);
    }
}
