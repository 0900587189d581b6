package dev.aiperf.config;

import dev.aiperf.api.config.AudioConfig;
import dev.aiperf.api.config.ImageConfig;
import dev.aiperf.api.config.VideoConfig;
import dev.aiperf.dataset.SyntheticVideo;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The "Image Input", "Audio Input" and "Video Input" settings: synthetic media on every synthetic turn. */
final class MediaRules {
    private static final Set<String> IMAGE_FORMATS = Set.of("png", "jpeg", "random");
    private static final Set<Integer> AUDIO_DEPTHS = Set.of(8, 16, 24, 32);

    private final ProfileSettings s;
    private final ProblemList problems;

    MediaRules(ProfileSettings settings, ProblemList problems) {
        this.s = settings;
        this.problems = problems;
    }

    ImageConfig image() {
        ProfileSettings.Image i = s.image;
        double width = problems.nonNegative("--image-width-mean", i.widthMean, 0.0);
        double widthSd = problems.nonNegative("--image-width-stddev", i.widthStddev, 0.0);
        double height = problems.nonNegative("--image-height-mean", i.heightMean, 0.0);
        double heightSd = problems.nonNegative("--image-height-stddev", i.heightStddev, 0.0);
        int batch = problems.atLeast("--image-batch-size", i.batchSize, 0, 1);
        String chosen = i.format == null ? "png" : i.format.toLowerCase(Locale.ROOT);
        if (chosen.equals("jpg")) {
            chosen = "jpeg";
        }
        if (!IMAGE_FORMATS.contains(chosen)) {
            problems.add("--image-format '" + i.format + "' is not valid; choose png, jpeg or random");
            chosen = "png";
        }
        return new ImageConfig(width, widthSd, height, heightSd, batch, chosen);
    }

    AudioConfig audio() {
        ProfileSettings.Audio a = s.audio;
        double length = problems.nonNegative("--audio-length-mean", a.lengthMean, 0.0);
        if (length > 0 && length < 0.01) {
            problems.add("--audio-length-mean must be at least 0.01 seconds (or 0 for no audio), got " + length);
        }
        double lengthSd = problems.nonNegative("--audio-length-stddev", a.lengthStddev, 0.0);
        int batch = problems.atLeast("--audio-batch-size", a.batchSize, 0, 1);
        String chosen = a.format == null ? "wav" : a.format.toLowerCase(Locale.ROOT);
        if (chosen.equals("mp3")) {
            problems.add("--audio-format mp3: this build cannot encode MP3 (the JDK has no MP3 encoder and no"
                    + " well-kept Java library does it offline); use --audio-format wav, or send .mp3 files from a"
                    + " dataset file (single_turn 'audio'/'audios')");
            chosen = "wav";
        } else if (!chosen.equals("wav")) {
            problems.add("--audio-format '" + a.format + "' is not valid; choose wav");
            chosen = "wav";
        }
        List<Integer> bits = a.depths == null || a.depths.isEmpty() ? List.of(16) : List.copyOf(a.depths);
        for (int depth : bits) {
            if (!AUDIO_DEPTHS.contains(depth)) {
                problems.add("--audio-depths: unsupported bit depth " + depth + "; choose from 8, 16, 24 and 32");
            }
        }
        List<Double> rates = a.sampleRates == null || a.sampleRates.isEmpty() ? List.of(16.0)
                : List.copyOf(a.sampleRates);
        for (double rate : rates) {
            if (!(rate >= 1.0 && rate <= 384.0)) {
                problems.add("--audio-sample-rates: " + rate + " kHz is not a usable sample rate; give kHz values"
                        + " such as 8, 16, 22.05, 44.1 or 48");
            }
        }
        int channels = a.numChannels == null ? 1 : a.numChannels;
        if (channels != 1 && channels != 2) {
            problems.add("--audio-num-channels must be 1 (mono) or 2 (stereo), got " + channels);
            channels = 1;
        }
        return new AudioConfig(length, lengthSd, batch, chosen, bits, rates, channels);
    }

    /** The video settings; asking for synthetic video is a problem (see {@link SyntheticVideo}). */
    VideoConfig video() {
        ProfileSettings.Video v = s.video;
        VideoConfig defaults = VideoConfig.NONE;
        VideoConfig config = new VideoConfig(v.width, v.height, v.batchSize == null ? defaults.batchSize() : v.batchSize,
                v.duration == null ? defaults.duration() : v.duration, v.fps == null ? defaults.fps() : v.fps,
                v.synthType == null ? defaults.synthType() : v.synthType,
                v.format == null ? defaults.format() : v.format, v.codec == null ? defaults.codec() : v.codec);
        if (config.enabled()) {
            problems.add(SyntheticVideo.UNSUPPORTED);
        }
        return config;
    }
}
