package dev.aiperf.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Summary files are whole or absent: a failed write leaves the previous file and no temporary one. */
class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void writesCreatesTheFolderAndReplaces() throws IOException {
        Path file = dir.resolve("a").resolve("summary.json");
        AtomicFile.writeString(file, "first");
        AtomicFile.writeString(file, "second");
        assertThat(file).hasContent("second");
        assertThat(file.getParent()).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aFailedWriteKeepsThePreviousFileAndNamesTheFileAndCause() throws IOException {
        Path file = dir.resolve("summary.json");
        AtomicFile.writeString(file, "previous");
        assertThatThrownBy(() -> AtomicFile.write(file, out -> {
            out.write("half of the new con".getBytes());
            throw new IOException("No space left on device");
        })).hasMessage("cannot write " + file.toAbsolutePath() + ": No space left on device");
        assertThat(file).hasContent("previous");
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aFolderPathBlockedByAFileIsNamed() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");
        assertThatThrownBy(() -> AtomicFile.writeString(blocker.resolve("summary.json"), "{}"))
                .hasMessageStartingWith("cannot write " + blocker.resolve("summary.json").toAbsolutePath() + ": ")
                .hasMessageContaining("not a directory");
    }
}
