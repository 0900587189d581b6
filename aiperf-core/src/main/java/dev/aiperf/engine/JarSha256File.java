package dev.aiperf.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A large jar's SHA-256 remembered in a file beside it, {@code <jar>.sha256}, in {@code sha256sum}'s format
 * ({@code <hex>  <file name>}), so that each run does not hash the 49 MB fat jar again (~0.1-0.2 s of CPU per
 * run, for {@code plugins_used.json}'s {@code jar_sha256}).
 *
 * <p>The remembered digest is used only while it is newer than every change to the jar: the file's modification
 * time must be strictly after the jar's modification time and its status-change time ({@code ctime}, which any
 * write, copy or rename onto the jar sets to "now" and which no tool can set back). This is the rule the
 * {@code aiperf} launcher applies to its class-data-sharing archive, made strict for coarse file-system clocks.
 * Where the file system has no {@code ctime} (not a Unix one) or the folder is read-only, the jar is hashed every
 * run as before.
 */
final class JarSha256File {
    /** Smaller jars (plugins) are hashed every run: quicker than a file beside them, and their folders stay as they are. */
    static final long SMALLEST_REMEMBERED = 8L << 20;

    private JarSha256File() {
    }

    /** The file that remembers {@code jar}'s digest. */
    static Path of(Path jar) {
        return jar.resolveSibling(jar.getFileName() + ".sha256");
    }

    /** The remembered digest of {@code jar}, when a file beside it holds one newer than the jar's last change. */
    static Optional<String> read(Path jar) {
        Path file = of(jar);
        try {
            Optional<Stamp> stamp = Stamp.of(jar);
            if (stamp.isEmpty() || !Files.isRegularFile(file)
                    || Files.getLastModifiedTime(file).compareTo(stamp.get().lastChange()) <= 0) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String expected = "  " + jar.getFileName();
            if (lines.size() != 1 || !lines.getFirst().endsWith(expected)) {
                return Optional.empty();
            }
            String hex = lines.getFirst().substring(0, lines.getFirst().length() - expected.length());
            return isSha256Hex(hex) ? Optional.of(hex) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: hash the jar instead
        }
    }

    /**
     * Remembers {@code digest}, the SHA-256 of {@code jar} as it was at {@code before} (its stamp taken before
     * hashing). Nothing is written, or what was written is removed, when the jar changed meanwhile; a folder
     * that refuses the file is left as it is.
     */
    static void write(Path jar, Stamp before, String digest) {
        Path file = of(jar);
        Path temp = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            if (!before.equals(Stamp.of(jar).orElse(null))) {
                return;
            }
            Files.writeString(temp, digest + "  " + jar.getFileName() + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            // A change between the check above and the file's time would be older than the file: look again.
            if (!before.equals(Stamp.of(jar).orElse(null))) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a folder that refuses even that: the jar is hashed next time
            }
        }
    }

    private static boolean isSha256Hex(String text) {
        if (text.length() != 64) {
            return false;
        }
        try {
            HexFormat.of().parseHex(text);
            return text.equals(text.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * What identifies a jar's content on disk: its size, modification time, status-change time and inode.
     *
     * @param size     bytes
     * @param modified last modification time
     * @param changed  last status change ({@code ctime})
     * @param inode    the file's inode number
     */
    record Stamp(long size, FileTime modified, FileTime changed, Object inode) {
        /** The jar's stamp, or empty where the file system has no {@code ctime}. */
        static Optional<Stamp> of(Path jar) throws IOException {
            try {
                var attributes = Files.readAttributes(jar, "unix:size,lastModifiedTime,ctime,ino");
                return Optional.of(new Stamp((Long) attributes.get("size"), (FileTime) attributes.get("lastModifiedTime"),
                        (FileTime) attributes.get("ctime"), attributes.get("ino")));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        /** The later of the modification and status-change times. */
        FileTime lastChange() {
            return modified.compareTo(changed) >= 0 ? modified : changed;
        }
    }
}
