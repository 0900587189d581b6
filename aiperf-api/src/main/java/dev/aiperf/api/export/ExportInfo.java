package dev.aiperf.api.export;

import java.nio.file.Path;

/** What an exporter writes: a human name and the file. */
public record ExportInfo(String exportType, Path filePath) {
}
