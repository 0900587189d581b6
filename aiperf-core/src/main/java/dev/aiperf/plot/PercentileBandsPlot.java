package dev.aiperf.plot;

import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.artifacts.RunArtifacts;
import dev.aiperf.artifacts.TimeWindows;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code percentile_bands}: per time window, the p50 of TTFT, ITL and request latency as a line, with a
 * band up to the p95 and a second one up to the p99.
 */
public final class PercentileBandsPlot extends PerRunPlot {

    public PercentileBandsPlot(PlotContext context) {
        super(context);
    }

    @Override
    protected List<Path> draw(RunArtifacts run, Path outputDir) throws IOException {
        List<Path> written = new ArrayList<>();
        double width = TimeWindows.of(run).widthSeconds();
        for (RequestMetric metric : RequestMetric.LATENCIES) {
            List<TimeWindows.WindowPercentiles> windows = TimeWindows.percentiles(run, width, metric.value());
            if (windows.isEmpty()) {
                continue;
            }
            YIntervalSeries p50 = new YIntervalSeries("p50 (band to p95)");
            YIntervalSeries p99 = new YIntervalSeries("p99 (band from p95)");
            for (TimeWindows.WindowPercentiles w : windows) {
                double middle = w.startSeconds() + width / 2;
                p50.add(middle, w.p50(), w.p50(), w.p95());
                p99.add(middle, w.p99(), w.p95(), w.p99());
            }
            YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
            dataset.addSeries(p50);
            dataset.addSeries(p99);
            DeviationRenderer renderer = new DeviationRenderer(true, false);
            renderer.setAlpha(0.25f);
            for (int i = 0; i < 2; i++) {
                renderer.setSeriesPaint(i, ChartStyle.color(i == 0 ? 0 : 3));
                renderer.setSeriesFillPaint(i, ChartStyle.color(i == 0 ? 0 : 3));
                renderer.setSeriesStroke(i, new BasicStroke(2.5f));
            }
            XYPlot plot = new XYPlot(dataset, new NumberAxis("Time since the first request (s)"),
                    new NumberAxis(metric.title()), renderer);
            JFreeChart chart = new JFreeChart(metric.title().replace(" (ms)", "") + " percentiles per " + width
                    + " s - " + run.label(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
            written.add(ChartStyle.write(chart, context, outputDir.resolve(metric.tag() + "_percentile_bands.png")));
        }
        return written;
    }
}
