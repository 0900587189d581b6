package dev.aiperf.cli.profile;

import dev.aiperf.config.ProfileSettings;
import picocli.CommandLine.Option;

import java.util.List;

/** Options of the "Audio Input" group (the original's names): synthetic audio clips on every synthetic turn. */
public final class AudioInputOptions {

    @Option(names = "--audio-length-mean", paramLabel = "<s>",
            description = "Mean length of synthetic audio clips in seconds; clips are generated when above 0"
                    + " (at least 0.01) (default: 0).")
    Double lengthMean;

    @Option(names = "--audio-length-stddev", paramLabel = "<s>",
            description = "Standard deviation of the clip length (default: 0).")
    Double lengthStddev;

    @Option(names = {"--audio-batch-size", "--batch-size-audio"}, paramLabel = "<n>",
            description = "Audio clips per request (default: 1).")
    Integer batchSize;

    @Option(names = "--audio-format", paramLabel = "<format>",
            description = "wav (PCM). mp3 is refused: this build has no MP3 encoder (default: wav).")
    String format;

    @Option(names = "--audio-depths", arity = "1..*", split = ",", paramLabel = "<bits>",
            description = "Bit depths to choose from per clip: 8, 16, 24, 32 (default: 16).")
    List<Integer> depths;

    @Option(names = "--audio-sample-rates", arity = "1..*", split = ",", paramLabel = "<kHz>",
            description = "Sample rates in kHz to choose from per clip (default: 16).")
    List<Double> sampleRates;

    @Option(names = "--audio-num-channels", paramLabel = "<n>", description = "1 (mono) or 2 (stereo) (default: 1).")
    Integer numChannels;

    /** Copies the options given into the core settings (checked by {@code dev.aiperf.config.MediaRules}). */
    void applyTo(ProfileSettings.Audio s) {
        s.lengthMean = lengthMean;
        s.lengthStddev = lengthStddev;
        s.batchSize = batchSize;
        s.format = format;
        s.depths = depths;
        s.sampleRates = sampleRates;
        s.numChannels = numChannels;
    }
}
