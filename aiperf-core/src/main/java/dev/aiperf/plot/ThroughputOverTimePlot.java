package dev.aiperf.plot;

import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.artifacts.RunArtifacts;
import dev.aiperf.artifacts.TimeWindows;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepAreaRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code area} (the original's "Throughput Over Time"): output tokens per second and completed requests
 * per second in each time window of the run, one panel each over a shared time axis.
 */
public final class ThroughputOverTimePlot extends PerRunPlot {

    public ThroughputOverTimePlot(PlotContext context) {
        super(context);
    }

    @Override
    protected List<Path> draw(RunArtifacts run, Path outputDir) throws IOException {
        if (run.requests().isEmpty()) {
            return List.of();
        }
        TimeWindows windows = TimeWindows.of(run);
        XYSeries tokens = new XYSeries("Output tokens/s");
        XYSeries requests = new XYSeries("Requests/s");
        for (TimeWindows.Window w : windows.windows()) {
            tokens.add(w.startSeconds(), w.tokensPerSecond());
            requests.add(w.startSeconds(), w.requestsPerSecond());
        }
        // The step ends at the last window's end, not its start.
        TimeWindows.Window last = windows.windows().getLast();
        tokens.add(last.startSeconds() + windows.widthSeconds(), last.tokensPerSecond());
        requests.add(last.startSeconds() + windows.widthSeconds(), last.requestsPerSecond());
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(new NumberAxis("Time since the first request (s)"));
        combined.setGap(12);
        boolean hasTokens = tokens.getItems().stream().anyMatch(i -> ((org.jfree.data.xy.XYDataItem) i).getYValue() > 0);
        if (hasTokens) {
            combined.add(panel(tokens, "Output tokens/s", 0), 1);
        }
        combined.add(panel(requests, "Requests/s", 2), 1);
        JFreeChart chart = new JFreeChart("Throughput over time (" + windows.widthSeconds() + " s windows) - "
                + run.label(), JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        return List.of(ChartStyle.write(chart, context, outputDir.resolve("throughput_over_time.png")));
    }

    private static XYPlot panel(XYSeries series, String axis, int colour) {
        XYStepAreaRenderer renderer = new XYStepAreaRenderer(XYStepAreaRenderer.AREA_AND_SHAPES);
        renderer.setShapesVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.translucent(ChartStyle.color(colour), 170));
        renderer.setOutline(true);
        renderer.setSeriesOutlinePaint(0, ChartStyle.color(colour));
        return new XYPlot(new XYSeriesCollection(series), null, new NumberAxis(axis), renderer);
    }
}
