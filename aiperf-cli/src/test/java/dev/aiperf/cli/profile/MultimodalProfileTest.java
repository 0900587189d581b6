package dev.aiperf.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.cli.CliRun;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.mock.RequestCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Images, audio and video sent to the real mock server over loopback, checked in the bodies it received. */
class MultimodalProfileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "/v1/chat/completions";

    @TempDir
    Path dir;
    private MockServer server;
    private RequestCapture capture;

    @BeforeEach
    void startMock() {
        server = MockServer.start(MockServerConfig.builder().port(0).fast(true).workers(1).tokenizer("cl100k_base").build());
        capture = server.captureRequests(100);
    }

    @AfterEach
    void stopMock() {
        server.close();
    }

    private CliRun profile(Path artifacts, String... options) {
        List<String> args = new ArrayList<>(List.of("profile", "-m", "mock-model", "--url", server.baseUrl(),
                "--concurrency", "1", "--osl", "4", "--extra-inputs", "ignore_eos:true", "--ui", "none",
                "--tokenizer", "cl100k_base", "--artifact-dir", artifacts.toString()));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static byte[] dataUri(String uri, String mediaType) {
        String prefix = "data:" + mediaType + ";base64,";
        assertThat(uri).startsWith(prefix);
        return Base64.getDecoder().decode(uri.substring(prefix.length()));
    }

    private static BufferedImage image(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static AudioFileFormat wav(byte[] bytes) throws IOException, UnsupportedAudioFileException {
        return AudioSystem.getAudioFileFormat(new ByteArrayInputStream(bytes));
    }

    private static byte[] wavFile(float sampleRate, int frames) throws IOException {
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        var out = new java.io.ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(new byte[frames * 2]), format, frames),
                AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }

    @Test
    void singleTurnMediaFilesAreSentAsContentPartsWithTheFilesBytes() throws Exception {
        BufferedImage picture = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        Path png = dir.resolve("cat.png");
        ImageIO.write(picture, "png", png.toFile());
        Path wavPath = Files.write(dir.resolve("hello.wav"), wavFile(22050, 441));
        Path mp4 = Files.write(dir.resolve("clip.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'});
        Path data = Files.writeString(dir.resolve("media.jsonl"), String.join("\n",
                "{\"text\": \"Describe what you see and hear.\", \"image\": \"cat.png\", \"audio\": \"hello.wav\","
                        + " \"video\": \"" + mp4 + "\"}",
                "{\"text\": \"Describe what you see and hear.\"}",
                "{\"text\": \"Hi\", \"images\": [{\"name\": \"x\", \"contents\": [\"https://example.com/a.jpg\"]}]}") + "\n");
        Path artifacts = dir.resolve("run");

        CliRun run = profile(artifacts, "--input-file", data.toString(), "--request-count", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<RequestCapture.CapturedRequest> sent = capture.requestsTo(CHAT);
        assertThat(sent).hasSize(3);
        JsonNode media = sent.get(0).json().at("/messages/0/content");
        assertThat(media).hasSize(4);
        assertThat(media.get(0).toString()).isEqualTo("{\"type\":\"text\",\"text\":\"Describe what you see and hear.\"}");
        assertThat(media.get(1).get("type").asText()).isEqualTo("image_url");
        byte[] sentImage = dataUri(media.get(1).at("/image_url/url").asText(), "image/png");
        assertThat(sentImage).isEqualTo(Files.readAllBytes(png));
        assertThat(image(sentImage).getWidth()).isEqualTo(20);
        assertThat(media.get(2).at("/input_audio/format").asText()).isEqualTo("wav");
        byte[] sentAudio = Base64.getDecoder().decode(media.get(2).at("/input_audio/data").asText());
        assertThat(sentAudio).isEqualTo(Files.readAllBytes(wavPath));
        assertThat(wav(sentAudio).getFormat().getSampleRate()).isEqualTo(22050f);
        assertThat(dataUri(media.get(3).at("/video_url/url").asText(), "video/mp4")).isEqualTo(Files.readAllBytes(mp4));
        // A text-only turn stays a plain string message, byte for byte as before.
        assertThat(sent.get(1).json().at("/messages/0").toString())
                .isEqualTo("{\"role\":\"user\",\"name\":\"\",\"content\":\"Describe what you see and hear.\"}");
        assertThat(sent.get(2).json().at("/messages/0/content").toString())
                .isEqualTo("[{\"type\":\"text\",\"text\":\"Hi\"},"
                        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.jpg\"}}]");

        // Measured: media are not text tokens, so the media turn has the ISL of the same text alone.
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(artifacts.resolve("profile_export.jsonl"))) {
            records.add(JSON.readTree(line));
        }
        assertThat(records).hasSize(3).allSatisfy(r -> assertThat(r.has("error")).isFalse());
        List<Integer> isl = records.stream().map(r -> r.at("/metrics/input_sequence_length/value").asInt())
                .sorted().toList();
        assertThat(isl).containsExactly(1, 7, 7); // "Hi"; the same 7-token text with and without media
        assertThat(records).allSatisfy(r -> assertThat(r.at("/metrics/output_sequence_length/value").asInt())
                .isEqualTo(4));
        // The mock counts the text parts only, in the same tokenizer: its usage agrees with the client.
        assertThat(records).allSatisfy(r -> assertThat(r.at("/metrics/usage_prompt_tokens/value").asInt())
                .isEqualTo(r.at("/metrics/input_sequence_length/value").asInt()));
        // inputs.json shows the same parts.
        JsonNode inputs = JSON.readTree(artifacts.resolve("inputs.json").toFile());
        assertThat(inputs.at("/data/0/payloads/0/messages/0/content")).isEqualTo(media);
    }

    @Test
    void syntheticImagesAndAudioHaveTheAskedSizesFormatsAndCounts() throws Exception {
        Path artifacts = dir.resolve("synthetic");

        CliRun run = profile(artifacts, "--request-count", "4", "--num-dataset-entries", "4", "--random-seed", "3",
                "--isl", "16", "--image-width-mean", "32", "--image-height-mean", "24", "--image-format", "jpeg",
                "--image-batch-size", "2", "--audio-length-mean", "0.05", "--audio-sample-rates", "8",
                "--audio-depths", "24", "--audio-num-channels", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<RequestCapture.CapturedRequest> sent = capture.requestsTo(CHAT);
        assertThat(sent).hasSize(4);
        for (RequestCapture.CapturedRequest request : sent) {
            JsonNode parts = request.json().at("/messages/0/content");
            assertThat(parts).hasSize(4);
            assertThat(parts.get(0).get("type").asText()).isEqualTo("text");
            for (int i = 1; i <= 2; i++) {
                BufferedImage picture = image(dataUri(parts.get(i).at("/image_url/url").asText(), "image/jpeg"));
                assertThat(picture.getWidth()).isEqualTo(32);
                assertThat(picture.getHeight()).isEqualTo(24);
            }
            assertThat(parts.get(3).at("/input_audio/format").asText()).isEqualTo("wav");
            AudioFileFormat clip = wav(Base64.getDecoder().decode(parts.get(3).at("/input_audio/data").asText()));
            assertThat(clip.getFormat().getSampleRate()).isEqualTo(8000f);
            assertThat(clip.getFormat().getSampleSizeInBits()).isEqualTo(24);
            assertThat(clip.getFormat().getChannels()).isEqualTo(2);
            assertThat(clip.getFrameLength()).isEqualTo(400);
        }
        JsonNode summary = JSON.readTree(artifacts.resolve("profile_export_aiperf.json").toFile());
        assertThat(summary.at("/request_count/avg").asDouble()).isEqualTo(4.0);
        assertThat(summary.at("/input_sequence_length/avg").asDouble()).isEqualTo(16.0);
        assertThat(summary.at("/input_config/input/image/format").asText()).isEqualTo("jpeg");
        assertThat(summary.at("/input_config/input/audio/depths/0").asInt()).isEqualTo(24);

        // The same seed gives the same media, byte for byte.
        Path again = dir.resolve("again");
        capture = server.captureRequests(100);
        assertThat(profile(again, "--request-count", "4", "--num-dataset-entries", "4", "--random-seed", "3",
                "--isl", "16", "--image-width-mean", "32", "--image-height-mean", "24", "--image-format", "jpeg",
                "--image-batch-size", "2", "--audio-length-mean", "0.05", "--audio-sample-rates", "8",
                "--audio-depths", "24", "--audio-num-channels", "2").exitCode()).isZero();
        assertThat(Files.readString(again.resolve("inputs.json"))).isEqualTo(Files.readString(artifacts.resolve("inputs.json")));
    }

    @Test
    void whatCannotBeSynthesisedOfflineIsRefusedWithTheReason() {
        CliRun mp3 = profile(dir.resolve("mp3"), "--request-count", "1", "--audio-length-mean", "1",
                "--audio-format", "mp3");
        CliRun video = profile(dir.resolve("video"), "--request-count", "1", "--video-width", "64",
                "--video-height", "48");
        CliRun depth = profile(dir.resolve("depth"), "--request-count", "1", "--audio-length-mean", "1",
                "--audio-depths", "12");

        assertThat(mp3.exitCode()).isEqualTo(2);
        assertThat(mp3.err()).contains("--audio-format mp3: this build cannot encode MP3");
        assertThat(video.exitCode()).isEqualTo(2);
        assertThat(video.err()).contains("synthetic video is not supported by this build");
        assertThat(depth.exitCode()).isEqualTo(2);
        assertThat(depth.err()).contains("unsupported bit depth 12");
        assertThat(capture.requests()).isEmpty();
    }

    @Test
    void aMissingMediaFileIsOneClearErrorWithFileLineAndField() throws IOException {
        Path data = Files.writeString(dir.resolve("bad.jsonl"), "{\"text\": \"a\"}\n{\"text\": \"b\", \"image\": \"gone.png\"}\n");

        CliRun run = profile(dir.resolve("bad"), "--input-file", data.toString(), "--request-count", "1");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains(data + ":2:15: field 'image': media file 'gone.png' does not exist")
                .doesNotContain("\tat ");
        assertThat(capture.requestsTo(CHAT)).isEmpty();
    }
}
