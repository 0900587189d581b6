package dev.aiperf.dataset;

import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;
import dev.aiperf.endpoint.Contexts;
import dev.aiperf.endpoint.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The media fields are read by the one turn reader, so multi_turn and random_pool take them like single_turn. */
class MediaInEveryFormatTests {

    @TempDir
    Path dir;

    private Path png(String name) throws IOException {
        Path file = dir.resolve(name);
        ImageIO.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        return file;
    }

    private String dataUri(Path png) throws IOException {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png));
    }

    @Test
    void multiTurnTurnsCarryImagesAudioAndVideoReferences() throws IOException {
        Path cat = png("cat.png");
        Path data = Files.writeString(dir.resolve("multi.jsonl"), "{\"session_id\": \"s\", \"turns\": ["
                + "{\"text\": \"What is this?\", \"image\": \"cat.png\"},"
                + "{\"text\": \"And this?\", \"audios\": [\"wav,UklGRg==\"], \"video\": \"https://example.com/v.mp4\"}]}\n");

        List<Turn> turns = new MultiTurnDatasetLoader(Contexts.dataset(new TestConfig().build())).load(data)
                .getFirst().turns();

        assertThat(turns.get(0).allImages()).containsExactly(dataUri(cat));
        assertThat(turns.get(1).allAudios()).containsExactly("wav,UklGRg==");
        assertThat(turns.get(1).allVideos()).containsExactly("https://example.com/v.mp4");
        assertThat(turns.get(1).allTexts()).containsExactly("And this?");
    }

    @Test
    void multiTurnMediaErrorsNameTheTurnField() throws IOException {
        Path data = Files.writeString(dir.resolve("multi.jsonl"),
                "{\"turns\": [{\"text\": \"a\"}, {\"image\": \"missing.png\"}]}\n");

        assertThatThrownBy(() -> new MultiTurnDatasetLoader(Contexts.dataset(new TestConfig().build())).load(data))
                .hasMessageStartingWith(data + ":1:28: field 'turns[1].image': media file 'missing.png' does not exist");
    }

    @Test
    void randomPoolImagePoolsAreDrawnAndNamedAfterTheirFile() throws IOException {
        Path cat = png("cat.png");
        Path pools = Files.createDirectory(dir.resolve("pools"));
        Files.writeString(pools.resolve("photos.jsonl"), "{\"image\": \"" + cat + "\"}\n");
        Files.writeString(pools.resolve("questions.jsonl"), "{\"text\": \"Describe it\"}\n");
        TestConfig config = new TestConfig();
        config.numSessions = 2;

        List<Conversation> conversations = new RandomPoolDatasetLoader(Contexts.dataset(config.build())).load(pools);

        for (Conversation conversation : conversations) {
            Turn turn = conversation.turns().getFirst();
            assertThat(turn.images()).containsExactly(new Turn.Media("photos", List.of(dataUri(cat))));
            assertThat(turn.texts()).containsExactly(new Turn.Text("questions", List.of("Describe it")));
        }
    }
}
