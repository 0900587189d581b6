package dev.aiperf.engine;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.export.ArtifactFiles;
import dev.aiperf.export.RecordsJsonlWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/** The per-request record writer of a run: {@code profile_export.jsonl}, or nothing at export level summary. */
final class RecordWriters {
    /** One JVM sends everything, so every record names the same worker. */
    static final String WORKER_ID = "worker_0";

    private RecordWriters() {
    }

    static RecordPipeline.RecordWriter forConfig(BenchmarkConfig config) {
        Optional<RecordsJsonlWriter> jsonl;
        try {
            jsonl = RecordsJsonlWriter.forRun(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the records file in " + config.output().artifactDir(), e);
        }
        if (jsonl.isEmpty()) {
            return new RecordPipeline.RecordWriter() {
                @Override
                public String format(MetricRecord record) {
                    return null; // export level summary: per-request records are not kept
                }

                @Override
                public void append(String line) {
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
        }
        RecordsJsonlWriter writer = jsonl.get();
        return new RecordPipeline.RecordWriter() {
            @Override
            public String format(MetricRecord record) {
                return writer.line(record, WORKER_ID);
            }

            @Override
            public void append(String line) throws IOException {
                writer.append(line);
            }

            @Override
            public void flush() throws IOException {
                writer.flush();
            }

            @Override
            public void close() throws IOException {
                writer.close();
            }
        };
    }

    /** Where the records go for this configuration, or null when they are not written. */
    static Path recordsFile(BenchmarkConfig config) {
        return RecordsJsonlWriter.EXPORT_LEVELS.contains(config.output().exportLevel())
                ? config.output().artifactDir().resolve(ArtifactFiles.DEFAULT.recordsJsonl()) : null;
    }
}
