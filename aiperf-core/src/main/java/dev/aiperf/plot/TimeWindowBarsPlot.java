package dev.aiperf.plot;

import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.artifacts.RunArtifacts;
import dev.aiperf.artifacts.TimeWindows;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code histogram} (the original's "Time Window Bars"): requests completed and requests failed in each
 * time window of the run, stacked.
 */
public final class TimeWindowBarsPlot extends PerRunPlot {

    public TimeWindowBarsPlot(PlotContext context) {
        super(context);
    }

    @Override
    protected List<Path> draw(RunArtifacts run, Path outputDir) throws IOException {
        if (run.requests().isEmpty()) {
            return List.of();
        }
        TimeWindows windows = TimeWindows.of(run);
        double width = windows.widthSeconds();
        XYSeries completed = new XYSeries("Completed", false, false);
        XYSeries failed = new XYSeries("Failed", false, false);
        for (TimeWindows.Window w : windows.windows()) {
            double middle = w.startSeconds() + width / 2;
            completed.add(middle, Math.round(w.requestsPerSecond() * width));
            failed.add(middle, w.errors());
        }
        DefaultTableXYDataset dataset = new DefaultTableXYDataset();
        dataset.addSeries(completed);
        dataset.addSeries(failed);
        dataset.setIntervalWidth(width * 0.9);
        StackedXYBarRenderer renderer = new StackedXYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.color(2));
        renderer.setSeriesPaint(1, ChartStyle.color(3));
        XYPlot plot = new XYPlot(dataset, new NumberAxis("Time since the first request (s)"),
                new NumberAxis("Requests per " + width + " s window"), renderer);
        JFreeChart chart = new JFreeChart("Requests per time window - " + run.label(), JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
        return List.of(ChartStyle.write(chart, context, outputDir.resolve("requests_per_window.png")));
    }
}
