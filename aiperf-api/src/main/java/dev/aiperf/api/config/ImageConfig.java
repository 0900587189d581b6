package dev.aiperf.api.config;

/**
 * Synthetic images (the original's "Image Input" options). Images are generated only when both the
 * width and the height mean are above zero.
 *
 * @param widthMean    mean width in pixels ({@code --image-width-mean})
 * @param widthStddev  its standard deviation ({@code --image-width-stddev})
 * @param heightMean   mean height in pixels ({@code --image-height-mean})
 * @param heightStddev its standard deviation ({@code --image-height-stddev})
 * @param batchSize    images per turn ({@code --image-batch-size})
 * @param format       {@code png}, {@code jpeg} or {@code random} ({@code --image-format})
 */
public record ImageConfig(double widthMean, double widthStddev, double heightMean, double heightStddev,
                          int batchSize, String format) {

    /** The defaults: no images. */
    public static final ImageConfig NONE = new ImageConfig(0, 0, 0, 0, 1, "png");

    /** True when synthetic turns carry images. */
    public boolean enabled() {
        return widthMean > 0 && heightMean > 0 && batchSize > 0;
    }
}
