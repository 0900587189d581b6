package dev.aiperf.plot;

import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.artifacts.RequestSample;
import dev.aiperf.artifacts.RunArtifacts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * {@code request_timeline} (the original's "Request Phase Breakdown"): one row per request, from when it
 * was sent to its first token and from there to its end; failed requests whole in their own colour. A
 * long run shows an even sample of {@value #MAX_ROWS} requests.
 */
public final class RequestTimelinePlot extends PerRunPlot {
    static final int MAX_ROWS = 400;

    public RequestTimelinePlot(PlotContext context) {
        super(context);
    }

    @Override
    protected List<Path> draw(RunArtifacts run, Path outputDir) throws IOException {
        List<RequestSample> requests = run.requests().stream().sorted(Comparator.comparingLong(RequestSample::startNs))
                .toList();
        if (requests.isEmpty()) {
            return List.of();
        }
        int step = Math.max(1, (int) Math.ceil(requests.size() / (double) MAX_ROWS));
        long zero = run.startNs();
        XYIntervalSeries waiting = new XYIntervalSeries("Time to first token");
        XYIntervalSeries generating = new XYIntervalSeries("Generation");
        XYIntervalSeries failed = new XYIntervalSeries("Failed");
        int row = 0;
        for (int i = 0; i < requests.size(); i += step, row++) {
            RequestSample r = requests.get(i);
            double start = seconds(r.startNs(), zero);
            double end = seconds(r.endNs(), zero);
            if (r.failed()) {
                failed.add(row, row - 0.4, row + 0.4, start, start, end);
            } else if (r.ttftMs() != null) {
                double first = Math.min(end, start + r.ttftMs() / 1000);
                waiting.add(row, row - 0.4, row + 0.4, start, start, first);
                generating.add(row, row - 0.4, row + 0.4, first, first, end);
            } else {
                generating.add(row, row - 0.4, row + 0.4, start, start, end);
            }
        }
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(waiting);
        dataset.addSeries(generating);
        dataset.addSeries(failed);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.color(1));
        renderer.setSeriesPaint(1, ChartStyle.color(0));
        renderer.setSeriesPaint(2, ChartStyle.color(3));
        NumberAxis rows = new NumberAxis(step == 1 ? "Request (by send time)" : "Request (every " + step + "th by send time)");
        rows.setInverted(true);
        XYPlot plot = new XYPlot(dataset, rows, new NumberAxis("Time since the first request (s)"), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = new JFreeChart("Request phases - " + run.label(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return List.of(ChartStyle.write(chart, context, outputDir.resolve("request_timeline.png")));
    }
}
