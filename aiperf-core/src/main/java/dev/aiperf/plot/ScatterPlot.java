package dev.aiperf.plot;

import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.artifacts.RequestSample;
import dev.aiperf.artifacts.RunArtifacts;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code scatter}: each request's TTFT, ITL and request latency against when it was sent. */
public final class ScatterPlot extends PerRunPlot {

    public ScatterPlot(PlotContext context) {
        super(context);
    }

    @Override
    protected List<Path> draw(RunArtifacts run, Path outputDir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (RequestMetric metric : RequestMetric.LATENCIES) {
            XYSeries points = points(run, metric, "Requests");
            if (points.isEmpty()) {
                continue;
            }
            JFreeChart chart = chart(metric.title().replace(" (ms)", "") + " per request - " + run.label(), metric,
                    new XYSeriesCollection(points), false);
            written.add(ChartStyle.write(chart, context, outputDir.resolve(metric.tag() + "_scatter.png")));
        }
        return written;
    }

    /** The successful requests' values against their send time, seconds since the run's first request. */
    static XYSeries points(RunArtifacts run, RequestMetric metric, String name) {
        XYSeries series = new XYSeries(name, false, true);
        long zero = run.startNs();
        for (RequestSample r : run.requests()) {
            Double value = metric.value().apply(r);
            if (value != null && !r.failed()) {
                series.add(seconds(r.startNs(), zero), value);
            }
        }
        return series;
    }

    /** A scatter of the first series' points (small dots); later series are lines. */
    static JFreeChart chart(String title, RequestMetric metric, XYSeriesCollection dataset, boolean legend) {
        JFreeChart chart = ChartFactory.createScatterPlot(title, "Time since the first request (s)", metric.title(),
                dataset, PlotOrientation.VERTICAL, legend, false, false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2, -2, 4, 4));
        renderer.setSeriesPaint(0, ChartStyle.translucent(ChartStyle.color(0), 150));
        for (int i = 1; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesLinesVisible(i, true);
            renderer.setSeriesShapesVisible(i, false);
            renderer.setSeriesPaint(i, ChartStyle.color(i));
            renderer.setSeriesStroke(i, new java.awt.BasicStroke(2.5f));
        }
        chart.getXYPlot().setRenderer(renderer);
        return chart;
    }
}
