package dev.aiperf.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A large jar's SHA-256 is remembered beside it, and never used once the jar has changed. */
class JarSha256FileTest {
    @TempDir
    Path dir;

    @Test
    void aLargeJarsDigestIsRememberedBesideItInSha256sumFormat() throws Exception {
        Path jar = largeFile("big.jar", 1);
        waitForTheClockToPass(jar);

        String digest = PluginCode.digest(jar);
        JarSha256File.write(jar, JarSha256File.Stamp.of(jar).orElseThrow(), digest);

        assertThat(digest).isEqualTo(sha256(jar));
        assertThat(Files.readString(JarSha256File.of(jar))).isEqualTo(digest + "  big.jar\n");
        assertThat(JarSha256File.read(jar)).contains(digest);
    }

    @Test
    void aJarChangedAfterItsDigestWasRememberedIsHashedAgain() throws Exception {
        Path jar = largeFile("changed.jar", 2);
        waitForTheClockToPass(jar);
        JarSha256File.write(jar, JarSha256File.Stamp.of(jar).orElseThrow(), PluginCode.digest(jar));
        waitForTheClockToPass(JarSha256File.of(jar));

        Files.write(jar, new byte[] {42}, StandardOpenOption.APPEND);

        assertThat(JarSha256File.read(jar)).isEmpty();
        assertThat(PluginCode.sha256(jar)).contains(sha256(jar));
    }

    @Test
    void aRememberedDigestIsReadInsteadOfHashing() throws Exception {
        Path jar = largeFile("read.jar", 3);
        waitForTheClockToPass(jar);
        // A digest no hashing gives proves that the file beside the jar was read.
        String remembered = "ab".repeat(32);
        Files.writeString(JarSha256File.of(jar), remembered + "  read.jar\n", StandardCharsets.UTF_8);

        assertThat(PluginCode.sha256(jar)).contains(remembered);
    }

    @Test
    void aFileForAnotherJarOrNotADigestIsIgnored() throws Exception {
        Path jar = largeFile("other.jar", 4);
        waitForTheClockToPass(jar);

        Files.writeString(JarSha256File.of(jar), "ab".repeat(32) + "  another.jar\n");
        assertThat(JarSha256File.read(jar)).isEmpty();
        Files.writeString(JarSha256File.of(jar), "not a digest  other.jar\n");
        assertThat(JarSha256File.read(jar)).isEmpty();

        assertThat(PluginCode.sha256(jar)).contains(sha256(jar));
        assertThat(JarSha256File.read(jar)).contains(sha256(jar)); // hashed, then remembered
    }

    @Test
    void aSmallJarIsHashedWithoutAFileBesideIt() throws Exception {
        Path jar = dir.resolve("small.jar");
        Files.write(jar, new byte[] {1, 2, 3});

        assertThat(PluginCode.sha256(jar)).contains(sha256(jar));
        assertThat(JarSha256File.of(jar)).doesNotExist();
    }

    private Path largeFile(String name, long seed) throws IOException {
        byte[] bytes = new byte[(int) JarSha256File.SMALLEST_REMEMBERED + 1000];
        new Random(seed).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    /** Waits until a file written now gets a later time than {@code file}'s last change (coarse file clocks). */
    private void waitForTheClockToPass(Path file) throws Exception {
        Path probe = dir.resolve("clock-probe");
        do {
            Thread.sleep(2);
            Files.writeString(probe, "tick");
        } while (Files.getLastModifiedTime(probe).compareTo(JarSha256File.Stamp.of(file).orElseThrow().lastChange()) <= 0);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
