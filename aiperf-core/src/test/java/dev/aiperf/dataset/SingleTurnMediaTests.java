package dev.aiperf.dataset;

import dev.aiperf.api.dataset.InvalidDatasetException;
import dev.aiperf.api.model.Turn;
import dev.aiperf.endpoint.Contexts;
import dev.aiperf.endpoint.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** single_turn media fields against real image, audio and video files on disk. */
class SingleTurnMediaTests {

    @TempDir
    Path dir;

    private Turn load(String line) throws IOException {
        Path data = Files.writeString(dir.resolve("data.jsonl"), line + "\n");
        return new SingleTurnDatasetLoader(Contexts.dataset(new TestConfig().build())).load(data).get(0).turns().get(0);
    }

    private Path image(String name, String format, int width, int height) throws IOException {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(0, 0, 0xFF0000);
        Path file = dir.resolve(name);
        assertThat(ImageIO.write(picture, format, file.toFile())).isTrue();
        return file;
    }

    private static byte[] dataUriBytes(String uri, String mediaType) {
        String prefix = "data:" + mediaType + ";base64,";
        assertThat(uri).startsWith(prefix);
        return Base64.getDecoder().decode(uri.substring(prefix.length()));
    }

    @Test
    void localFilesBecomeDataUrisWithTheirOwnBytesAndFormat() throws IOException {
        Path png = image("cat.png", "png", 7, 5);
        Path jpeg = image("dog.jpg", "jpeg", 4, 3);
        Path wav = Files.write(dir.resolve("hello.WAV"), new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        Path mp4 = Files.write(dir.resolve("clip.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});

        Turn turn = load("{\"text\": \"Describe\", \"images\": [\"" + png + "\", \"dog.jpg\"], \"audio\": \"" + wav
                + "\", \"video\": \"" + mp4 + "\"}");

        assertThat(turn.texts()).containsExactly(new Turn.Text("", List.of("Describe")));
        assertThat(turn.images()).hasSize(1);
        assertThat(turn.images().get(0).name()).isEmpty();
        List<String> images = turn.images().get(0).contents();
        assertThat(dataUriBytes(images.get(0), "image/png")).isEqualTo(Files.readAllBytes(png));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(dataUriBytes(images.get(1), "image/jpeg")));
        assertThat(decoded.getWidth()).isEqualTo(4);
        assertThat(decoded.getHeight()).isEqualTo(3);
        assertThat(dataUriBytes(images.get(1), "image/jpeg")).isEqualTo(Files.readAllBytes(jpeg));
        assertThat(turn.allAudios()).containsExactly("wav," + Base64.getEncoder().encodeToString(Files.readAllBytes(wav)));
        assertThat(dataUriBytes(turn.allVideos().get(0), "video/mp4")).isEqualTo(Files.readAllBytes(mp4));
    }

    @Test
    void urlsAndEncodedContentAreKeptAsTheyAreAndNamedBatchesKeepTheirNames() throws IOException {
        Turn turn = load("{\"images\": [{\"name\": \"front\", \"contents\": [\"https://example.com/a.png\","
                + " \"data:image/png;base64,iVBORw0K\"]}], \"audios\": [\"mp3,SUQz\"], \"video\": \"https://v/x.webm\"}");

        assertThat(turn.texts()).isEmpty();
        assertThat(turn.images()).containsExactly(new Turn.Media("front",
                List.of("https://example.com/a.png", "data:image/png;base64,iVBORw0K")));
        assertThat(turn.audios()).containsExactly(new Turn.Media("", List.of("mp3,SUQz")));
        assertThat(turn.videos()).containsExactly(new Turn.Media("", List.of("https://v/x.webm")));
    }

    @Test
    void missingFilesAndUnknownFormatsNameTheFileLineAndField() throws IOException {
        Path gif = image("anim.gif", "gif", 2, 2);
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        Files.write(dir.resolve("song.flac"), new byte[] {1});
        Files.write(dir.resolve("movie.avi"), new byte[] {1});

        assertThatThrownBy(() -> load("{\"text\": \"a\", \"image\": \"missing.png\"}"))
                .isInstanceOf(InvalidDatasetException.class)
                .hasMessageStartingWith(dir.resolve("data.jsonl") + ":1:15: field 'image': media file 'missing.png' does not exist");
        assertThatThrownBy(() -> load("{\"images\": [\"" + gif + "\"]}"))
                .hasMessageContaining(":1:2: field 'images': ").hasMessageContaining("is a GIF image, which is not one of the"
                        + " supported image formats: PNG, JPEG");
        assertThatThrownBy(() -> load("{\"image\": \"notes.txt\"}"))
                .hasMessageContaining(":1:2: field 'image': cannot tell the image format");
        assertThatThrownBy(() -> load("{\"audio\": \"song.flac\"}"))
                .hasMessageContaining(":1:2: field 'audio': '.flac' of ").hasMessageContaining("supported audio formats: .wav, .mp3");
        assertThatThrownBy(() -> load("{\"videos\": [\"movie.avi\"]}"))
                .hasMessageContaining(":1:2: field 'videos': '.avi' of ").hasMessageContaining("supported video formats: .mp4, .webm");
        assertThatThrownBy(() -> load("{\"image\": \"a.png\", \"images\": [\"b.png\"]}"))
                .hasMessageContaining(":1:20: field 'images': give either 'image' or 'images', not both");
        assertThatThrownBy(() -> load("{\"image\": \"https://\"}"))
                .hasMessageContaining("is not a valid URL");
        assertThatThrownBy(() -> load("{\"image\": 3}"))
                .hasMessageContaining(":1:2: field 'image': must be a string");
    }
}
