package dev.aiperf.cli.profile;

import dev.aiperf.config.ProfileSettings;
import picocli.CommandLine.Option;

/** Options of the "Image Input" group (the original's names): synthetic images on every synthetic turn. */
public final class ImageInputOptions {

    @Option(names = "--image-width-mean", paramLabel = "<px>",
            description = "Mean width of synthetic images; images are generated when width and height means are"
                    + " above 0 (default: 0).")
    Double widthMean;

    @Option(names = "--image-width-stddev", paramLabel = "<px>", description = "Standard deviation of the width"
            + " (default: 0).")
    Double widthStddev;

    @Option(names = "--image-height-mean", paramLabel = "<px>", description = "Mean height of synthetic images"
            + " (default: 0).")
    Double heightMean;

    @Option(names = "--image-height-stddev", paramLabel = "<px>", description = "Standard deviation of the height"
            + " (default: 0).")
    Double heightStddev;

    @Option(names = {"--image-batch-size", "--batch-size-image"}, paramLabel = "<n>",
            description = "Images per request (default: 1).")
    Integer batchSize;

    @Option(names = "--image-format", paramLabel = "<format>",
            description = "png, jpeg (quality 85) or random (either, per image) (default: png).")
    String format;

    /** Copies the options given into the core settings (checked by {@code dev.aiperf.config.MediaRules}). */
    void applyTo(ProfileSettings.Image s) {
        s.widthMean = widthMean;
        s.widthStddev = widthStddev;
        s.heightMean = heightMean;
        s.heightStddev = heightStddev;
        s.batchSize = batchSize;
        s.format = format;
    }
}
