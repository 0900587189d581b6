package dev.aiperf.plot;

import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.artifacts.RunArtifacts;
import dev.aiperf.artifacts.TimeWindows;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scatter_with_percentiles}: each request's TTFT and request latency against its send time, with
 * the p50, p95 and p99 of the requests sent in each time window drawn over them.
 */
public final class ScatterWithPercentilesPlot extends PerRunPlot {

    public ScatterWithPercentilesPlot(PlotContext context) {
        super(context);
    }

    @Override
    protected List<Path> draw(RunArtifacts run, Path outputDir) throws IOException {
        List<Path> written = new ArrayList<>();
        double width = TimeWindows.of(run).widthSeconds();
        for (RequestMetric metric : List.of(RequestMetric.TTFT, RequestMetric.LATENCY)) {
            XYSeries points = ScatterPlot.points(run, metric, "Requests");
            if (points.isEmpty()) {
                continue;
            }
            XYSeriesCollection dataset = new XYSeriesCollection(points);
            XYSeries p50 = new XYSeries("p50");
            XYSeries p95 = new XYSeries("p95");
            XYSeries p99 = new XYSeries("p99");
            for (TimeWindows.WindowPercentiles w : TimeWindows.percentiles(run, width, metric.value())) {
                double middle = w.startSeconds() + width / 2;
                p50.add(middle, w.p50());
                p95.add(middle, w.p95());
                p99.add(middle, w.p99());
            }
            dataset.addSeries(p50);
            dataset.addSeries(p95);
            dataset.addSeries(p99);
            JFreeChart chart = ScatterPlot.chart(metric.title().replace(" (ms)", "") + " with percentiles per "
                    + width + " s - " + run.label(), metric, dataset, true);
            written.add(ChartStyle.write(chart, context, outputDir.resolve(metric.tag() + "_scatter_percentiles.png")));
        }
        return written;
    }
}
