package dev.aiperf.api.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Category {@code plot}: renders pictures from existing artifact directories ({@code aiperf plot}).
 *
 * <p><b>Which runs.</b> The command calls a plot whose metadata says {@code plot_category: per_run} once
 * per run directory, with a list of one; a {@code comparison} plot once with every run directory (two
 * or more). Each directory holds at least {@code profile_export_aiperf.json}; {@code profile_export.jsonl}
 * is there unless the run used {@code --export-level summary}.
 *
 * <p><b>Errors.</b> A plot that has nothing to draw (no records, no TTFT in a non-streaming run)
 * returns an empty list; an {@link IOException} means a file could not be read or written.
 *
 * <p><b>Constructor requirements.</b> A public constructor taking a {@link PlotContext}, or a public
 * no-argument constructor. Rendering is headless ({@code java.awt.headless=true}).
 */
public interface Plot {

    /** Renders into {@code outputDir} (which exists) and returns the files written, in a stable order. */
    List<Path> render(List<Path> artifactDirs, Path outputDir) throws IOException;
}
