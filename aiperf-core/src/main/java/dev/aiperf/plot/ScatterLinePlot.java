package dev.aiperf.plot;

import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.artifacts.RunArtifacts;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code scatter_line} (comparison): the p50 and p99 of TTFT and request latency of each run against its
 * load (concurrency, else request rate, else the run's position), joined in load order: how latency grows
 * along a sweep.
 */
public final class ScatterLinePlot extends ComparisonPlot {

    public ScatterLinePlot(PlotContext context) {
        super(context);
    }

    @Override
    protected List<Path> draw(List<RunArtifacts> runs, Path outputDir) throws IOException {
        String load = LoadAxis.of(runs);
        if (!LoadAxis.ORDER.equals(load)) {
            runs.sort(Comparator.comparingDouble(r -> r.loadSetting(load)));
        }
        List<Path> written = new ArrayList<>();
        for (RequestMetric metric : List.of(RequestMetric.TTFT, RequestMetric.LATENCY)) {
            XYSeriesCollection dataset = new XYSeriesCollection();
            for (String stat : List.of("p50", "p99")) {
                XYSeries series = new XYSeries(stat, false, true);
                for (RunArtifacts run : runs) {
                    Double value = run.stat(metric.tag(), stat);
                    if (value != null) {
                        series.add(LoadAxis.value(run, load, runs), value);
                    }
                }
                if (!series.isEmpty()) {
                    dataset.addSeries(series);
                }
            }
            if (dataset.getSeriesCount() == 0 || dataset.getItemCount(0) < 2) {
                continue;
            }
            JFreeChart chart = ChartFactory.createXYLineChart(metric.title().replace(" (ms)", "") + " by "
                    + LoadAxis.title(load).toLowerCase(java.util.Locale.ROOT) + " (" + runs.size() + " runs)",
                    LoadAxis.title(load), metric.title(), dataset, PlotOrientation.VERTICAL, true, false, false);
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
            for (int i = 0; i < dataset.getSeriesCount(); i++) {
                renderer.setSeriesPaint(i, ChartStyle.color(i == 0 ? 0 : 3));
                renderer.setSeriesStroke(i, new BasicStroke(2.5f));
            }
            chart.getXYPlot().setRenderer(renderer);
            written.add(ChartStyle.write(chart, context, outputDir.resolve(metric.tag() + "_by_load.png")));
        }
        return written;
    }
}
