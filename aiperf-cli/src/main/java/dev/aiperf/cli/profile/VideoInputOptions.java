package dev.aiperf.cli.profile;

import dev.aiperf.config.ProfileSettings;
import picocli.CommandLine.Option;

/**
 * Options of the "Video Input" group (the original's names). They are read so that scripts written
 * for the original get a clear answer: synthetic video needs an encoder this build does not have,
 * so {@code --video-width} with {@code --video-height} is refused (see {@code dev.aiperf.dataset.SyntheticVideo}).
 */
public final class VideoInputOptions {

    @Option(names = "--video-width", paramLabel = "<px>", description = "Synthetic video frame width. Not"
            + " supported by this build (no offline WebM/MP4 encoder); send video files from a dataset instead.")
    Integer width;

    @Option(names = "--video-height", paramLabel = "<px>", description = "Synthetic video frame height (see"
            + " --video-width).")
    Integer height;

    @Option(names = {"--video-batch-size", "--batch-size-video"}, paramLabel = "<n>",
            description = "Videos per request (default: 1).")
    Integer batchSize;

    @Option(names = "--video-duration", paramLabel = "<s>", description = "Clip length in seconds (default: 5.0).")
    Double duration;

    @Option(names = "--video-fps", paramLabel = "<n>", description = "Frames per second (default: 4).")
    Integer fps;

    @Option(names = "--video-synth-type", paramLabel = "<type>",
            description = "moving_shapes, grid_clock or noise (default: moving_shapes).")
    String synthType;

    @Option(names = "--video-format", paramLabel = "<format>", description = "webm or mp4 (default: webm).")
    String format;

    @Option(names = "--video-codec", paramLabel = "<codec>", description = "Encoder (default: libvpx-vp9).")
    String codec;

    /** Copies the options given into the core settings (checked by {@code dev.aiperf.config.MediaRules}). */
    void applyTo(ProfileSettings.Video s) {
        s.width = width;
        s.height = height;
        s.batchSize = batchSize;
        s.duration = duration;
        s.fps = fps;
        s.synthType = synthType;
        s.format = format;
        s.codec = codec;
    }
}
