package dev.aiperf.dataset;

import dev.aiperf.api.dataset.InvalidDatasetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetLinesTests {

    @TempDir
    Path dir;

    @Test
    void linesAreNumberedFromTheFileSkippingBlankOnesAndByteOrderMarksAndCarriageReturns() throws IOException {
        Path file = Files.write(dir.resolve("d.jsonl"),
                "\uFEFF{\"a\": 1}\r\n\r\n   \n{\"b\": 2}".getBytes(StandardCharsets.UTF_8));

        assertThat(JsonLinesFile.read(file)).containsExactly(new DatasetLine(file, 1, "{\"a\": 1}"),
                new DatasetLine(file, 4, "{\"b\": 2}"));
        assertThat(JsonLinesFile.first(file)).isEqualTo(new DatasetLine(file, 1, "{\"a\": 1}"));
    }

    @Test
    void invalidUtf8IsReportedAtItsOwnLineEvenFarIntoTheFile() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("{\"text\": \"line ").append(i).append(" with some padding to make it longer\"}\n");
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[good.length + 3];
        System.arraycopy(good, 0, bad, 0, good.length);
        bad[good.length] = (byte) 0xC3; // a truncated two-byte sequence
        bad[good.length + 1] = (byte) 0x28;
        bad[good.length + 2] = '\n';
        Path file = Files.write(dir.resolve("latin1.jsonl"), bad);

        assertThatThrownBy(() -> JsonLinesFile.read(file)).isInstanceOf(InvalidDatasetException.class)
                .hasMessage(file + ":5001: not UTF-8 text (is it a binary or compressed file?); dataset files are"
                        + " UTF-8 JSON Lines");
    }

    @Test
    void aBinaryFileIsNotText() throws IOException {
        Path gzip = Files.write(dir.resolve("trace.jsonl.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0});
        Path nul = Files.write(dir.resolve("nul.jsonl"), "{\"text\": \"a\"}\nab\0cd\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> JsonLinesFile.first(gzip)).hasMessageStartingWith(gzip + ":1: not UTF-8 text");
        assertThatThrownBy(() -> JsonLinesFile.read(nul)).hasMessageStartingWith(nul + ":2: not UTF-8 text");
    }

    @Test
    void errorsNameTheFieldAndTheColumnWhereItStarts() {
        Path file = Path.of("data.jsonl");
        DatasetLine line = new DatasetLine(file, 7, "{\"session_id\": \"a\", \"turns\": [{\"text\": \"x\"}, {\"delay\": -1}]}");

        assertThat(line.error("/turns/1/delay", "must be 0 or more")).hasMessage(
                "data.jsonl:7:47: field 'turns[1].delay': must be 0 or more");
        assertThat(line.error("/session_id", "bad")).hasMessage("data.jsonl:7:2: field 'session_id': bad");
        assertThat(line.error("/turns/1", "bad")).hasMessageStartingWith("data.jsonl:7:46: field 'turns[1]'");
        assertThat(line.error("", "bad")).hasMessage("data.jsonl:7:1: bad");
        assertThat(line.error("/missing", "bad")).hasMessage("data.jsonl:7:1: field 'missing': bad");
    }

    @Test
    void invalidJsonPointsAtTheColumnOfTheProblem() {
        DatasetLine line = new DatasetLine(Path.of("d.jsonl"), 3, "{\"text\": \"a\",, }");

        assertThatThrownBy(() -> line.object("{}")).isInstanceOf(InvalidDatasetException.class)
                .hasMessageStartingWith("d.jsonl:3:14: invalid JSON");
    }
}
