package dev.aiperf.cli.profile;

import dev.aiperf.api.config.ImageConfig;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Options of the "Image Input" group (the original's names): synthetic images on every synthetic turn. */
public final class ImageInputOptions {
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "random");

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

    /** The validated settings; every problem is added to {@code problems}. */
    ImageConfig toConfig(List<String> problems) {
        double width = OptionChecks.nonNegative(problems, "--image-width-mean", widthMean, 0.0);
        double widthSd = OptionChecks.nonNegative(problems, "--image-width-stddev", widthStddev, 0.0);
        double height = OptionChecks.nonNegative(problems, "--image-height-mean", heightMean, 0.0);
        double heightSd = OptionChecks.nonNegative(problems, "--image-height-stddev", heightStddev, 0.0);
        int batch = OptionChecks.atLeast(problems, "--image-batch-size", batchSize, 0, 1);
        String chosen = format == null ? "png" : format.toLowerCase(Locale.ROOT);
        if (chosen.equals("jpg")) {
            chosen = "jpeg";
        }
        if (!FORMATS.contains(chosen)) {
            problems.add("--image-format '" + format + "' is not valid; choose png, jpeg or random");
            chosen = "png";
        }
        return new ImageConfig(width, widthSd, height, heightSd, batch, chosen);
    }
}
