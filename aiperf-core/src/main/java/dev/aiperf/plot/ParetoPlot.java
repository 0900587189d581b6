package dev.aiperf.plot;

import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.artifacts.ParetoFront;
import dev.aiperf.artifacts.RunArtifacts;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code pareto} (comparison): every run as a point of median request latency against throughput, each
 * labelled with its name, and the Pareto front (the runs no other beats on both) joined by a line.
 */
public final class ParetoPlot extends ComparisonPlot {

    public ParetoPlot(PlotContext context) {
        super(context);
    }

    @Override
    protected List<Path> draw(List<RunArtifacts> runs, Path outputDir) throws IOException {
        String throughputTag = ParetoFront.throughputTag(runs);
        List<ParetoFront.Point> points = ParetoFront.points(runs, throughputTag);
        if (points.size() < 2) {
            return List.of();
        }
        XYSeries all = new XYSeries("Runs", false, true);
        points.forEach(p -> all.add(p.latency(), p.throughput()));
        XYSeries front = new XYSeries("Pareto front", false, true);
        ParetoFront.of(points).forEach(p -> front.add(p.latency(), p.throughput()));
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(all);
        dataset.addSeries(front);
        String yAxis = throughputTitle(throughputTag);
        JFreeChart chart = ChartFactory.createScatterPlot("Throughput vs latency (" + points.size() + " runs)",
                "Median request latency (ms)", yAxis, dataset, PlotOrientation.VERTICAL, true, false, false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setSeriesPaint(0, ChartStyle.color(0));
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesPaint(1, ChartStyle.color(3));
        renderer.setSeriesStroke(1, new BasicStroke(2.5f));
        XYItemLabelGenerator labels = (data, series, item) -> series == 0 ? points.get(item).label() : null;
        renderer.setSeriesItemLabelGenerator(0, labels);
        renderer.setSeriesItemLabelsVisible(0, true);
        chart.getXYPlot().setRenderer(renderer);
        return List.of(ChartStyle.write(chart, context, outputDir.resolve("pareto.png")));
    }
}
