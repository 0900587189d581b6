package dev.aiperf.engine;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.export.ArtifactFiles;
import dev.aiperf.export.RawRecordsWriter;
import dev.aiperf.export.RecordLineSink;
import dev.aiperf.export.RecordsJsonlWriter;
import dev.aiperf.export.Redaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The per-request record writers of a run: {@code profile_export.jsonl} (export levels records and raw),
 * {@code profile_export_raw.jsonl} (export level raw); none at export level summary.
 */
final class RecordWriters {
    /** One JVM sends everything, so every record names the same worker. */
    static final String WORKER_ID = "worker_0";

    private RecordWriters() {
    }

    /** Every writer of the run, in a fixed order. */
    static List<RecordPipeline.RecordWriter> forRun(BenchmarkConfig config, Redaction redaction) {
        List<RecordPipeline.RecordWriter> writers = new ArrayList<>();
        try {
            RecordsJsonlWriter.forRun(config, redaction).ifPresent(w -> writers.add(records(w)));
            RawRecordsWriter.forRun(config, redaction).ifPresent(w -> writers.add(raw(w)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the records files in " + config.output().artifactDir(), e);
        }
        return writers;
    }

    /** The {@code profile_export.jsonl} writer alone (a no-op one at export level summary). */
    static RecordPipeline.RecordWriter forConfig(BenchmarkConfig config) {
        Optional<RecordsJsonlWriter> jsonl;
        try {
            jsonl = RecordsJsonlWriter.forRun(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the records file in " + config.output().artifactDir(), e);
        }
        return jsonl.map(RecordWriters::records).orElseGet(() -> new RecordPipeline.RecordWriter() {
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
        });
    }

    private static RecordPipeline.RecordWriter records(RecordsJsonlWriter writer) {
        return lines(writer, record -> writer.line(record, WORKER_ID));
    }

    private static RecordPipeline.RecordWriter raw(RawRecordsWriter writer) {
        return lines(writer, record -> writer.line(record.record().request(), WORKER_ID));
    }

    /** A record writer that formats with {@code format} and writes to {@code file}. */
    private static RecordPipeline.RecordWriter lines(RecordLineSink file, Function<MetricRecord, String> format) {
        return new RecordPipeline.RecordWriter() {
            @Override
            public String format(MetricRecord record) {
                return format.apply(record);
            }

            @Override
            public void append(String line) throws IOException {
                file.append(line);
            }

            @Override
            public void flush() throws IOException {
                file.flush();
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
    }

    /** Where the records go for this configuration, or null when they are not written. */
    static Path recordsFile(BenchmarkConfig config) {
        return RecordsJsonlWriter.EXPORT_LEVELS.contains(config.output().exportLevel())
                ? config.output().artifactDir().resolve(ArtifactFiles.of(config.output()).recordsJsonl()) : null;
    }
}
