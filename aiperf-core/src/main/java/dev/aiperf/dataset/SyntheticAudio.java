package dev.aiperf.dataset;

import dev.aiperf.api.config.AudioConfig;
import dev.aiperf.api.model.AudioContent;
import dev.aiperf.api.model.Turn;
import dev.aiperf.random.RandomStreams;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Synthetic audio clips for synthetic turns, as the original's audio generator: length from
 * {@code --audio-length-mean/stddev} (at least 0.01 s), sample rate and bit depth chosen per clip from
 * the configured lists, Gaussian noise (sigma 0.3, clipped to [-1, 1]) scaled to the bit depth, on
 * {@code --audio-num-channels} channels, written as PCM WAV by the JDK's {@code javax.sound.sampled}
 * (8-bit unsigned, 16/24/32-bit signed little-endian) and sent as {@code wav,<base64>} in one batch
 * named {@code input_audio}. Seeded streams {@code dataset.audio.duration}, {@code dataset.audio.format}
 * and {@code dataset.audio.data}. MP3 is refused when the options are read: the JDK has no MP3 encoder.
 */
final class SyntheticAudio {

    static final String BATCH_NAME = "input_audio";
    static final Set<Integer> DEPTHS = Set.of(8, 16, 24, 32);
    static final double MIN_LENGTH_SECONDS = 0.01;
    private static final double NOISE_SIGMA = 0.3;

    private final AudioConfig config;
    private final RandomGenerator durations;
    private final RandomGenerator formats;
    private final RandomGenerator data;

    SyntheticAudio(AudioConfig config, Long seed) {
        if (!"wav".equals(config.format())) {
            throw new IllegalArgumentException("--audio-format " + config.format() + " cannot be synthesised by"
                    + " this build; use wav");
        }
        for (int depth : config.depths()) {
            if (!DEPTHS.contains(depth)) {
                throw new IllegalArgumentException("--audio-depths: unsupported bit depth " + depth
                        + "; supported bit depths are 8, 16, 24 and 32");
            }
        }
        this.config = config;
        this.durations = RandomStreams.forStream(seed, "dataset.audio.duration");
        this.formats = RandomStreams.forStream(seed, "dataset.audio.format");
        this.data = RandomStreams.forStream(seed, "dataset.audio.data");
    }

    /** One turn's batch: {@code --audio-batch-size} clips. */
    Turn.Media batch() {
        List<String> clips = new ArrayList<>(config.batchSize());
        for (int i = 0; i < config.batchSize(); i++) {
            clips.add(generate());
        }
        return new Turn.Media(BATCH_NAME, clips);
    }

    private String generate() {
        double seconds = config.lengthStddev() > 0
                ? config.lengthMean() + config.lengthStddev() * durations.nextGaussian() : config.lengthMean();
        seconds = Math.max(MIN_LENGTH_SECONDS, seconds);
        List<Double> rates = config.sampleRatesKhz();
        int sampleRate = (int) (rates.get(formats.nextInt(rates.size())) * 1000);
        int depth = config.depths().get(formats.nextInt(config.depths().size()));
        int frames = (int) (seconds * sampleRate);
        byte[] pcm = noise(frames, config.numChannels(), depth);
        AudioFormat format = new AudioFormat(sampleRate, depth, config.numChannels(), depth > 8, false);
        ByteArrayOutputStream wav = new ByteArrayOutputStream(pcm.length + 64);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, wav);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a synthetic WAV clip in memory", e);
        }
        return new AudioContent("wav", Base64.getEncoder().encodeToString(wav.toByteArray())).encoded();
    }

    /** Little-endian PCM samples; 8-bit is unsigned, from a 16-bit scale, as libsndfile's PCM_U8 does. */
    private byte[] noise(int frames, int channels, int depth) {
        int bytesPerSample = depth / 8;
        byte[] pcm = new byte[frames * channels * bytesPerSample];
        int scaleDepth = depth == 8 ? 16 : depth;
        double max = Math.pow(2, scaleDepth - 1) - 1;
        int at = 0;
        for (int i = 0; i < frames * channels; i++) {
            double value = Math.max(-1, Math.min(1, NOISE_SIGMA * data.nextGaussian()));
            long sample = (long) (value * max);
            if (depth == 8) {
                pcm[at++] = (byte) ((sample >> 8) + 128);
                continue;
            }
            for (int b = 0; b < bytesPerSample; b++) {
                pcm[at++] = (byte) (sample >> (8 * b));
            }
        }
        return pcm;
    }
}
