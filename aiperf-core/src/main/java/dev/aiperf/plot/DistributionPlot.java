package dev.aiperf.plot;

import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.artifacts.Histogram;
import dev.aiperf.artifacts.Percentiles;
import dev.aiperf.artifacts.RunArtifacts;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code distribution}: a histogram of TTFT, ITL and request latency each, with the p50 and p99 marked. */
public final class DistributionPlot extends PerRunPlot {

    public DistributionPlot(PlotContext context) {
        super(context);
    }

    @Override
    protected List<Path> draw(RunArtifacts run, Path outputDir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (RequestMetric metric : RequestMetric.LATENCIES) {
            double[] values = metric.values(run.requests());
            if (values.length == 0) {
                continue;
            }
            Histogram histogram = Histogram.of(values);
            HistogramDataset dataset = new HistogramDataset();
            dataset.addSeries(metric.title(), values, histogram.bins(), histogram.edges()[0],
                    histogram.edges()[histogram.bins()]);
            JFreeChart chart = ChartFactory.createHistogram(metric.title().replace(" (ms)", "") + " distribution - "
                    + run.label(), metric.title(), "Requests", dataset, PlotOrientation.VERTICAL, false, false, false);
            XYPlot plot = chart.getXYPlot();
            XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
            renderer.setBarPainter(new StandardXYBarPainter());
            renderer.setShadowVisible(false);
            renderer.setSeriesPaint(0, ChartStyle.color(0));
            renderer.setDrawBarOutline(false);
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            plot.addDomainMarker(marker("p50", Percentiles.ofSorted(sorted, 50), 1));
            plot.addDomainMarker(marker("p99", Percentiles.ofSorted(sorted, 99), 3));
            written.add(ChartStyle.write(chart, context, outputDir.resolve(metric.tag() + "_distribution.png")));
        }
        return written;
    }

    private static ValueMarker marker(String name, double value, int colour) {
        ValueMarker marker = new ValueMarker(value, ChartStyle.color(colour), new BasicStroke(2f));
        marker.setLabel(name + " " + String.format(java.util.Locale.ROOT, "%.2f", value));
        marker.setLabelPaint(ChartStyle.color(colour));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return marker;
    }
}
