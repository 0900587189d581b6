package dev.aiperf.api.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Category {@code plot}: renders pictures from existing artifact directories. */
public interface Plot {

    /** Renders into {@code outputDir} and returns the files written. */
    List<Path> render(List<Path> artifactDirs, Path outputDir) throws IOException;
}
