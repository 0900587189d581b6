package dev.aiperf.plot;

import dev.aiperf.api.plot.PlotContext;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The look of every built-in plot (light or dark background, one palette, one font) and how it becomes a
 * PNG file. Styled by hand rather than with a {@code ChartTheme}: a theme's {@code apply} resets the series
 * colours each plot chose.
 */
final class ChartStyle {
    static {
        // Plots are drawn where there is no display (CI, servers): AWT must not look for one.
        System.setProperty("java.awt.headless", "true");
    }

    /** Okabe-Ito colours: told apart by colour-blind readers too. */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442)};

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private ChartStyle() {
    }

    static Color color(int index) {
        return PALETTE[index % PALETTE.length];
    }

    static Color translucent(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    /** Styles the chart for the context's theme, then writes it as a PNG of the context's size. */
    static Path write(JFreeChart chart, PlotContext context, Path file) throws IOException {
        Color background = context.dark() ? new Color(0x1E, 0x1E, 0x1E) : Color.WHITE;
        Color foreground = context.dark() ? new Color(0xE0, 0xE0, 0xE0) : new Color(0x22, 0x22, 0x22);
        Color grid = context.dark() ? new Color(0x44, 0x44, 0x44) : new Color(0xDD, 0xDD, 0xDD);
        chart.setBackgroundPaint(background);
        chart.setAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE);
            title.setPaint(foreground);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(background);
            legend.setItemPaint(foreground);
            legend.setItemFont(LEGEND);
        }
        for (XYPlot plot : xyPlots(chart.getPlot())) {
            plot.setBackgroundPaint(background);
            plot.setOutlinePaint(grid);
            plot.setDomainGridlinePaint(grid);
            plot.setRangeGridlinePaint(grid);
            plot.setDomainGridlineStroke(new BasicStroke(1f));
            plot.setRangeGridlineStroke(new BasicStroke(1f));
            for (int i = 0; i < plot.getDomainAxisCount(); i++) {
                axis(plot.getDomainAxis(i), foreground);
            }
            for (int i = 0; i < plot.getRangeAxisCount(); i++) {
                axis(plot.getRangeAxis(i), foreground);
            }
        }
        if (chart.getPlot() instanceof CombinedDomainXYPlot combined) {
            combined.setBackgroundPaint(background);
            axis(combined.getDomainAxis(), foreground);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(file.toFile(), chart, context.width(), context.height());
        return file;
    }

    private static List<XYPlot> xyPlots(Plot plot) {
        List<XYPlot> plots = new ArrayList<>();
        if (plot instanceof CombinedDomainXYPlot combined) {
            plots.addAll(combined.getSubplots());
        } else if (plot instanceof XYPlot xy) {
            plots.add(xy);
        }
        return plots;
    }

    private static void axis(Axis axis, Color foreground) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(LABEL);
        axis.setLabelPaint(foreground);
        axis.setTickLabelFont(TICK);
        axis.setTickLabelPaint(foreground);
        axis.setAxisLinePaint(foreground);
        axis.setTickMarkPaint(foreground);
    }
}
