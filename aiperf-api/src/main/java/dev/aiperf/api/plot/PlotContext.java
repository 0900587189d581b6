package dev.aiperf.api.plot;

/**
 * What a {@code plot} plugin is built from: a public constructor taking this one argument (or none).
 *
 * @param theme  {@code light} or {@code dark} ({@code --theme})
 * @param width  picture width in pixels
 * @param height picture height in pixels
 */
public record PlotContext(String theme, int width, int height) {
    public static final String LIGHT = "light";
    public static final String DARK = "dark";

    public PlotContext {
        if (!LIGHT.equals(theme) && !DARK.equals(theme)) {
            throw new IllegalArgumentException("theme must be light or dark, not " + theme);
        }
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("a plot is at least 100x100 pixels, not " + width + "x" + height);
        }
    }

    /** The light theme at 1200x700 pixels. */
    public static PlotContext defaults() {
        return new PlotContext(LIGHT, 1200, 700);
    }

    public boolean dark() {
        return DARK.equals(theme);
    }
}
