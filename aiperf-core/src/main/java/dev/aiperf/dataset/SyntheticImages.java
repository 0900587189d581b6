package dev.aiperf.dataset;

import dev.aiperf.api.config.ImageConfig;
import dev.aiperf.api.model.Turn;
import dev.aiperf.random.RandomStreams;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Synthetic images for synthetic turns (the original's image generator with {@code --image-source noise}):
 * width and height drawn with the positive-normal rule, random RGB pixels, encoded as PNG or as JPEG
 * at quality 85 (or either, per image, for {@code random}) with the JDK's ImageIO, sent as
 * {@code data:image/<png|jpeg>;base64,...} in one batch named {@code image_url}. Seeded streams
 * {@code dataset.image.dimensions}, {@code dataset.image.format} and {@code dataset.image.source}.
 */
final class SyntheticImages {

    static final String BATCH_NAME = "image_url";
    private static final float JPEG_QUALITY = 0.85f;

    private final ImageConfig config;
    private final RandomGenerator dimensions;
    private final RandomGenerator formats;
    private final RandomGenerator pixels;

    SyntheticImages(ImageConfig config, Long seed) {
        this.config = config;
        this.dimensions = RandomStreams.forStream(seed, "dataset.image.dimensions");
        this.formats = RandomStreams.forStream(seed, "dataset.image.format");
        this.pixels = RandomStreams.forStream(seed, "dataset.image.source");
    }

    /** One turn's batch: {@code --image-batch-size} images. */
    Turn.Media batch() {
        List<String> images = new ArrayList<>(config.batchSize());
        for (int i = 0; i < config.batchSize(); i++) {
            images.add(generate());
        }
        return new Turn.Media(BATCH_NAME, images);
    }

    private String generate() {
        int width = PositiveNormal.sample(dimensions, config.widthMean(), config.widthStddev());
        int height = PositiveNormal.sample(dimensions, config.heightMean(), config.heightStddev());
        String format = switch (config.format()) {
            case "random" -> formats.nextBoolean() ? "png" : "jpeg";
            default -> config.format();
        };
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = pixels.nextInt() & 0xFFFFFF;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return "data:image/" + format + ";base64," + Base64.getEncoder().encodeToString(encode(image, format));
    }

    private static byte[] encode(BufferedImage image, String format) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a synthetic " + format + " image in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
