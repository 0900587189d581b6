package dev.aiperf.api.config;

/**
 * Synthetic videos (the original's "Video Input" options). Videos are generated only when both the
 * width and the height are set.
 *
 * @param width     frame width in pixels, or null ({@code --video-width})
 * @param height    frame height in pixels, or null ({@code --video-height})
 * @param batchSize videos per turn ({@code --video-batch-size})
 * @param duration  clip length in seconds ({@code --video-duration})
 * @param fps       frames per second ({@code --video-fps})
 * @param synthType {@code moving_shapes}, {@code grid_clock} or {@code noise} ({@code --video-synth-type})
 * @param format    {@code webm} or {@code mp4} ({@code --video-format})
 * @param codec     encoder name ({@code --video-codec})
 */
public record VideoConfig(Integer width, Integer height, int batchSize, double duration, int fps, String synthType,
                          String format, String codec) {

    /** The defaults: no videos. */
    public static final VideoConfig NONE = new VideoConfig(null, null, 1, 5.0, 4, "moving_shapes", "webm",
            "libvpx-vp9");

    /** True when synthetic turns carry videos. */
    public boolean enabled() {
        return width != null && height != null && width > 0 && height > 0 && batchSize > 0;
    }
}
