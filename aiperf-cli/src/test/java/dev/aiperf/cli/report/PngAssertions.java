package dev.aiperf.cli.report;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks on a real PNG file: it decodes, has the expected size, and is not blank. */
final class PngAssertions {
    private PngAssertions() {
    }

    /** Decodes {@code file} and checks its size and that it holds a picture (many colours, ink on the page). */
    static BufferedImage assertDrawn(Path file, int width, int height) throws IOException {
        assertThat(file).isRegularFile();
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("%s decodes as an image", file).isNotNull();
        if (width > 0) {
            assertThat(image.getWidth()).as("%s width", file).isEqualTo(width);
            assertThat(image.getHeight()).as("%s height", file).isEqualTo(height);
        }
        int background = image.getRGB(1, 1);
        Set<Integer> colours = new HashSet<>();
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                if (rgb != background) {
                    ink++;
                }
            }
        }
        long sampled = (long) ((image.getHeight() + 1) / 2) * ((image.getWidth() + 1) / 2);
        assertThat(colours.size()).as("%s distinct colours (a blank picture has one)", file).isGreaterThan(20);
        // a scatter of a small run inks about 2 % of its pixels; a blank picture none
        assertThat(ink * 100.0 / sampled).as("%s percent of pixels drawn on", file).isGreaterThan(1.0);
        return image;
    }
}
