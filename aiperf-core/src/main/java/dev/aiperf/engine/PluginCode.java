package dev.aiperf.engine;

import dev.aiperf.plugin.TypeEntry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Where a plugin's code comes from: the jar (or class directory) holding its class, and the jar's SHA-256. */
final class PluginCode {
    // A jar's digest per (path, size, modification time): several plugins of one jar hash it once.
    private static final Map<String, String> DIGESTS = new ConcurrentHashMap<>();

    private PluginCode() {
    }

    /** The jar or directory {@code cls} was loaded from, when the class loader says. */
    static Optional<Path> of(Class<?> cls) {
        CodeSource source = cls.getProtectionDomain() == null ? null : cls.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(location.toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The jar that declared {@code entry} (from its manifest's location) when its class could not be loaded. */
    static Optional<Path> of(TypeEntry entry) {
        String file = entry.location().file();
        try {
            if (file.startsWith("jar:")) {
                String inner = file.substring("jar:".length(), file.contains("!/") ? file.indexOf("!/") : file.length());
                return Optional.of(Path.of(new URI(inner)));
            }
            if (file.startsWith("file:")) {
                return Optional.of(Path.of(new URI(file)));
            }
            if (file.startsWith("<")) {
                return Optional.empty();
            }
            // A manifest inside a jar reads "/path/plugin.jar!/inner/plugins.yaml": the jar is before "!/".
            return Optional.of(Path.of(file.contains("!/") ? file.substring(0, file.indexOf("!/")) : file));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The hex SHA-256 of a jar file, or empty for a directory or an unreadable file. */
    static Optional<String> sha256(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        try {
            FileTime modified = Files.getLastModifiedTime(jar);
            String key = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + modified.toMillis();
            String digest = DIGESTS.get(key);
            if (digest == null) {
                digest = remembered(jar);
                DIGESTS.put(key, digest);
            }
            return Optional.of(digest);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A large jar's digest from the file beside it ({@link JarSha256File}), else hashed (and remembered there). */
    private static String remembered(Path jar) throws IOException {
        if (Files.size(jar) < JarSha256File.SMALLEST_REMEMBERED) {
            return digest(jar);
        }
        Optional<String> known = JarSha256File.read(jar);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<JarSha256File.Stamp> before = JarSha256File.Stamp.of(jar);
        String digest = digest(jar);
        before.ifPresent(stamp -> JarSha256File.write(jar, stamp, digest));
        return digest;
    }

    static String digest(Path jar) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(jar), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
