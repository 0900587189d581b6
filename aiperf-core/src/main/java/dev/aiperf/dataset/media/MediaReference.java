package dev.aiperf.dataset.media;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns one media string of a dataset into what a turn carries (spec §3.4, as the original's
 * {@code MediaConversionMixin}): content that is already encoded (a {@code data:} URI for images and
 * videos, {@code wav,}/{@code mp3,} + base64 for audio) and URLs are kept as they are; anything else
 * is a local file, read and base64-encoded: images must be PNG or JPEG (told by their content),
 * audio {@code .wav} or {@code .mp3} and video {@code .mp4} or {@code .webm} (told by the extension).
 *
 * <p>Unlike the original, which decodes an image file and re-encodes it with Pillow, the file's own
 * bytes are sent: the server sees the same picture, and a benchmark sends exactly the bytes on disk.
 * A relative path is looked up in the working directory, as the original does, then next to the
 * dataset file.
 */
public final class MediaReference {

    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://(.*)$");

    private MediaReference() {
    }

    /**
     * The turn content for {@code value}.
     *
     * @param datasetDir the dataset file's folder, where a relative path is looked up second; null for none
     * @throws IllegalArgumentException with a message for the user (the caller adds file, line and field)
     */
    public static String resolve(MediaKind kind, String value, Path datasetDir) {
        if (value.isEmpty() || isEncoded(kind, value)) {
            return value;
        }
        var url = URL.matcher(value);
        if (url.matches()) {
            if (url.group(1).isEmpty() || url.group(1).startsWith("/")) {
                throw new IllegalArgumentException("'" + value + "' is not a valid URL: a URL needs both a scheme"
                        + " and a host, e.g. https://example.com/cat.png");
            }
            return value;
        }
        Path file = locate(value, datasetDir);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read media file " + file + ": " + e.getMessage(), e);
        }
        return switch (kind) {
            case IMAGE -> "data:image/" + imageFormat(file, bytes) + ";base64," + base64(bytes);
            case AUDIO -> extension(file, "audio", "wav", "mp3") + "," + base64(bytes);
            case VIDEO -> "data:video/" + extension(file, "video", "mp4", "webm") + ";base64," + base64(bytes);
        };
    }

    private static boolean isEncoded(MediaKind kind, String value) {
        if (kind == MediaKind.AUDIO) {
            String lower = value.toLowerCase(Locale.ROOT);
            return lower.startsWith("wav,") || lower.startsWith("mp3,");
        }
        return value.regionMatches(true, 0, "data:", 0, 5);
    }

    private static Path locate(String value, Path datasetDir) {
        Path path = Path.of(value);
        if (Files.isRegularFile(path) || path.isAbsolute() || datasetDir == null) {
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("media file " + path.toAbsolutePath() + " does not exist (give a"
                        + " file path, a URL such as https://..., or a data URI)");
            }
            return path;
        }
        Path besideDataset = datasetDir.resolve(value);
        if (!Files.isRegularFile(besideDataset)) {
            throw new IllegalArgumentException("media file '" + value + "' does not exist (looked in "
                    + path.toAbsolutePath() + " and " + besideDataset.toAbsolutePath()
                    + "); give a file path, a URL such as https://..., or a data URI");
        }
        return besideDataset;
    }

    /** {@code png} or {@code jpeg}, read from the content by ImageIO like Pillow does, else an error. */
    private static String imageFormat(Path file, byte[] bytes) {
        String format = null;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers != null && readers.hasNext()) {
                ImageReader reader = readers.next();
                format = reader.getFormatName().toLowerCase(Locale.ROOT);
                reader.dispose();
            }
        } catch (IOException e) {
            format = null;
        }
        if (format == null) {
            throw new IllegalArgumentException("cannot tell the image format of " + file
                    + "; supported image formats: PNG, JPEG");
        }
        if (format.equals("jpg")) {
            format = "jpeg";
        }
        if (!format.equals("png") && !format.equals("jpeg")) {
            throw new IllegalArgumentException(file + " is a " + format.toUpperCase(Locale.ROOT)
                    + " image, which is not one of the supported image formats: PNG, JPEG");
        }
        return format;
    }

    private static String extension(Path file, String what, String... allowed) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String suffix = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (String format : allowed) {
            if (format.equals(suffix)) {
                return format;
            }
        }
        throw new IllegalArgumentException("'" + (suffix.isEmpty() ? name : "." + suffix) + "' of " + file
                + " is not one of the supported " + what + " formats: ." + String.join(", .", allowed));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
