package dev.aiperf.api.config;

import java.util.List;

/**
 * Synthetic audio clips (the original's "Audio Input" options). Clips are generated only when the
 * length mean is above zero.
 *
 * @param lengthMean     mean clip length in seconds ({@code --audio-length-mean})
 * @param lengthStddev   its standard deviation ({@code --audio-length-stddev})
 * @param batchSize      clips per turn ({@code --audio-batch-size})
 * @param format         {@code wav} or {@code mp3} ({@code --audio-format})
 * @param depths         bit depths to choose from per clip, each 8, 16, 24 or 32 ({@code --audio-depths})
 * @param sampleRatesKhz sample rates in kHz to choose from per clip ({@code --audio-sample-rates})
 * @param numChannels    1 (mono) or 2 (stereo) ({@code --audio-num-channels})
 */
public record AudioConfig(double lengthMean, double lengthStddev, int batchSize, String format, List<Integer> depths,
                          List<Double> sampleRatesKhz, int numChannels) {

    /** The defaults: no audio. */
    public static final AudioConfig NONE = new AudioConfig(0, 0, 1, "wav", List.of(16), List.of(16.0), 1);

    public AudioConfig {
        depths = List.copyOf(depths);
        sampleRatesKhz = List.copyOf(sampleRatesKhz);
    }

    /** True when synthetic turns carry audio. */
    public boolean enabled() {
        return lengthMean > 0 && batchSize > 0;
    }
}
