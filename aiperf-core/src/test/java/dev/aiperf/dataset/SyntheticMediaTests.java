package dev.aiperf.dataset;

import dev.aiperf.api.config.AudioConfig;
import dev.aiperf.api.config.ImageConfig;
import dev.aiperf.api.model.AudioContent;
import dev.aiperf.api.model.Turn;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Synthetic images and WAV clips, decoded back by the JDK to check what they claim to be. */
class SyntheticMediaTests {

    @Test
    void everyBitDepthIsAValidPcmWavOfTheDrawnLengthRateAndChannels() throws Exception {
        for (int depth : List.of(8, 16, 24, 32)) {
            AudioConfig config = new AudioConfig(0.25, 0, 1, "wav", List.of(depth), List.of(44.1), 2);
            Turn.Media batch = new SyntheticAudio(config, 1L).batch();
            assertThat(batch.name()).isEqualTo("input_audio");
            AudioContent clip = AudioContent.parse(batch.contents().get(0));
            assertThat(clip.format()).isEqualTo("wav");
            byte[] bytes = Base64.getDecoder().decode(clip.base64());
            try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(bytes))) {
                AudioFormat format = in.getFormat();
                assertThat(format.getSampleSizeInBits()).as("depth").isEqualTo(depth);
                assertThat(format.getEncoding()).isEqualTo(depth == 8 ? AudioFormat.Encoding.PCM_UNSIGNED
                        : AudioFormat.Encoding.PCM_SIGNED);
                assertThat(format.getSampleRate()).isEqualTo(44100f);
                assertThat(format.getChannels()).isEqualTo(2);
                assertThat(in.getFrameLength()).isEqualTo(11025);
                byte[] pcm = in.readAllBytes();
                assertThat(pcm).hasSize(11025 * 2 * depth / 8);
                // Noise, not silence: many distinct byte values.
                Set<Byte> distinct = new java.util.HashSet<>();
                for (byte b : pcm) {
                    distinct.add(b);
                }
                assertThat(distinct.size()).isGreaterThan(32);
            }
        }
    }

    @Test
    void lengthsAreDrawnAndFloorAtTenMillisecondsAndRatesAndDepthsAreChosenFromTheLists() throws Exception {
        AudioConfig config = new AudioConfig(0.02, 0.5, 20, "wav", List.of(16, 24), List.of(8.0, 16.0), 1);
        Turn.Media batch = new SyntheticAudio(config, 9L).batch();
        Set<Float> rates = new java.util.HashSet<>();
        Set<Integer> depths = new java.util.HashSet<>();
        for (String content : batch.contents()) {
            byte[] bytes = Base64.getDecoder().decode(AudioContent.parse(content).base64());
            try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(bytes))) {
                rates.add(in.getFormat().getSampleRate());
                depths.add(in.getFormat().getSampleSizeInBits());
                assertThat(in.getFrameLength() / in.getFormat().getSampleRate()).isGreaterThanOrEqualTo(0.0099f);
            }
        }
        assertThat(batch.contents()).hasSize(20);
        assertThat(rates).containsExactlyInAnyOrder(8000f, 16000f);
        assertThat(depths).containsExactlyInAnyOrder(16, 24);
        assertThatThrownBy(() -> new SyntheticAudio(new AudioConfig(1, 0, 1, "mp3", List.of(16), List.of(16.0), 1), 1L))
                .hasMessageContaining("--audio-format mp3");
    }

    @Test
    void imagesHaveTheDrawnSizesAndARandomMixOfFormats() throws Exception {
        Turn.Media batch = new SyntheticImages(new ImageConfig(40, 10, 30, 0, 30, "random"), 4L).batch();

        assertThat(batch.name()).isEqualTo("image_url");
        Set<String> formats = batch.contents().stream().map(uri -> uri.substring(0, uri.indexOf(';')))
                .collect(Collectors.toSet());
        assertThat(formats).containsExactlyInAnyOrder("data:image/png", "data:image/jpeg");
        Set<Integer> widths = new java.util.HashSet<>();
        for (String uri : batch.contents()) {
            byte[] bytes = Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image.getHeight()).isEqualTo(30);
            widths.add(image.getWidth());
        }
        assertThat(widths.size()).isGreaterThan(3);
    }

    @Test
    void theComposerAddsMediaToEveryTurnAndRefusesTurnsWithNothingInThem() {
        dev.aiperf.endpoint.TestConfig text = new dev.aiperf.endpoint.TestConfig();
        text.promptBatchSize = 0;
        text.numDatasetEntries = 3;
        text.islMean = 8;
        dev.aiperf.api.config.BenchmarkConfig plain = text.build();
        dev.aiperf.api.config.BenchmarkConfig imagesOnly = new dev.aiperf.api.config.BenchmarkConfig(plain.endpoint(),
                plain.input().withMedia(new ImageConfig(8, 0, 6, 0, 2, "png"), AudioConfig.NONE,
                        dev.aiperf.api.config.VideoConfig.NONE), plain.load(), plain.output());

        List<dev.aiperf.api.model.Conversation> conversations =
                new SyntheticDatasetComposer(dev.aiperf.endpoint.Contexts.dataset(imagesOnly)).compose();

        assertThat(conversations).hasSize(3).allSatisfy(c -> {
            Turn turn = c.turns().get(0);
            assertThat(turn.texts()).isEmpty();
            assertThat(turn.images()).hasSize(1);
            assertThat(turn.allImages()).hasSize(2).allSatisfy(uri -> assertThat(uri).startsWith("data:image/png;base64,"));
            assertThat(turn.audios()).isEmpty();
        });
        assertThatThrownBy(() -> new SyntheticDatasetComposer(dev.aiperf.endpoint.Contexts.dataset(plain)).compose())
                .hasMessageContaining("at least one of text");
    }
}
