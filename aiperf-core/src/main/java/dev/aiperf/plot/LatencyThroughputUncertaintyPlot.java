package dev.aiperf.plot;

import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.artifacts.MeanInterval;
import dev.aiperf.artifacts.ParetoFront;
import dev.aiperf.artifacts.RunArtifacts;
import dev.aiperf.artifacts.RunCells;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code latency_throughput_uncertainty} (comparison): for each configuration run more than once
 * ({@code --num-profile-runs}), the mean median request latency and mean throughput of its runs with
 * 95% confidence intervals as error bars in both directions. Drawn only when some configuration has
 * two or more runs.
 */
public final class LatencyThroughputUncertaintyPlot extends ComparisonPlot {

    public LatencyThroughputUncertaintyPlot(PlotContext context) {
        super(context);
    }

    @Override
    protected List<Path> draw(List<RunArtifacts> runs, Path outputDir) throws IOException {
        String throughputTag = ParetoFront.throughputTag(runs);
        XYIntervalSeries cells = new XYIntervalSeries("Configurations (mean, 95% CI)");
        List<String> labels = new ArrayList<>();
        boolean repeated = false;
        for (Map.Entry<String, List<RunArtifacts>> cell : RunCells.of(runs).entrySet()) {
            List<ParetoFront.Point> points = ParetoFront.points(cell.getValue(), throughputTag);
            if (points.isEmpty()) {
                continue;
            }
            repeated |= points.size() > 1;
            MeanInterval latency = MeanInterval.of(points.stream().map(ParetoFront.Point::latency).toList());
            MeanInterval throughput = MeanInterval.of(points.stream().map(ParetoFront.Point::throughput).toList());
            cells.add(latency.mean(), latency.low(), latency.high(), throughput.mean(), throughput.low(),
                    throughput.high());
            labels.add(cell.getKey() + " (n=" + points.size() + ")");
        }
        if (!repeated) {
            return List.of();
        }
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(cells);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(false);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setSeriesPaint(0, ChartStyle.color(0));
        renderer.setErrorPaint(ChartStyle.color(3));
        renderer.setErrorStroke(new BasicStroke(2f));
        renderer.setCapLength(8);
        XYItemLabelGenerator names = (data, series, item) -> labels.get(item);
        renderer.setSeriesItemLabelGenerator(0, names);
        renderer.setSeriesItemLabelsVisible(0, true);
        NumberAxis x = new NumberAxis("Median request latency (ms), mean of runs");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(throughputTitle(throughputTag) + ", mean of runs");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        JFreeChart chart = new JFreeChart("Throughput vs latency with 95% confidence intervals",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return List.of(ChartStyle.write(chart, context, outputDir.resolve("latency_throughput_uncertainty.png")));
    }
}
