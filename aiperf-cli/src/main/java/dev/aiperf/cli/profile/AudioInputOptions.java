package dev.aiperf.cli.profile;

import dev.aiperf.api.config.AudioConfig;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Options of the "Audio Input" group (the original's names): synthetic audio clips on every synthetic turn. */
public final class AudioInputOptions {
    private static final Set<Integer> DEPTHS = Set.of(8, 16, 24, 32);

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

    /** The validated settings; every problem is added to {@code problems}. */
    AudioConfig toConfig(List<String> problems) {
        double length = OptionChecks.nonNegative(problems, "--audio-length-mean", lengthMean, 0.0);
        if (length > 0 && length < 0.01) {
            problems.add("--audio-length-mean must be at least 0.01 seconds (or 0 for no audio), got " + length);
        }
        double lengthSd = OptionChecks.nonNegative(problems, "--audio-length-stddev", lengthStddev, 0.0);
        int batch = OptionChecks.atLeast(problems, "--audio-batch-size", batchSize, 0, 1);
        String chosen = format == null ? "wav" : format.toLowerCase(Locale.ROOT);
        if (chosen.equals("mp3")) {
            problems.add("--audio-format mp3: this build cannot encode MP3 (the JDK has no MP3 encoder and no"
                    + " well-kept Java library does it offline); use --audio-format wav, or send .mp3 files from a"
                    + " dataset file (single_turn 'audio'/'audios')");
            chosen = "wav";
        } else if (!chosen.equals("wav")) {
            problems.add("--audio-format '" + format + "' is not valid; choose wav");
            chosen = "wav";
        }
        List<Integer> bits = depths == null || depths.isEmpty() ? List.of(16) : List.copyOf(depths);
        for (int depth : bits) {
            if (!DEPTHS.contains(depth)) {
                problems.add("--audio-depths: unsupported bit depth " + depth + "; choose from 8, 16, 24 and 32");
            }
        }
        List<Double> rates = sampleRates == null || sampleRates.isEmpty() ? List.of(16.0) : List.copyOf(sampleRates);
        for (double rate : rates) {
            if (!(rate >= 1.0 && rate <= 384.0)) {
                problems.add("--audio-sample-rates: " + rate + " kHz is not a usable sample rate; give kHz values"
                        + " such as 8, 16, 22.05, 44.1 or 48");
            }
        }
        int channels = numChannels == null ? 1 : numChannels;
        if (channels != 1 && channels != 2) {
            problems.add("--audio-num-channels must be 1 (mono) or 2 (stereo), got " + channels);
            channels = 1;
        }
        return new AudioConfig(length, lengthSd, batch, chosen, bits, rates, channels);
    }
}
