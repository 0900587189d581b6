package dev.aiperf.engine;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.export.ArtifactFiles;
import dev.aiperf.export.RawRecordsWriter;
import dev.aiperf.export.RecordLineSink;
import dev.aiperf.export.RecordsJsonlWriter;
import dev.aiperf.export.RequestSampleSink;
import dev.aiperf.export.Redaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        return forRun(config, redaction, null);
    }

    /**
     * The same, {@code samples} (when not null) getting the report's sample of every line written to
     * {@code profile_export.jsonl}, in the file's order.
     */
    static List<RecordPipeline.RecordWriter> forRun(BenchmarkConfig config, Redaction redaction,
                                                    RequestSampleSink samples) {
        List<RecordPipeline.RecordWriter> writers = new ArrayList<>();
        try {
            RecordsJsonlWriter.forRun(config, redaction).ifPresent(w -> writers.add(records(w, samples)));
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
        return jsonl.map(w -> records(w, null)).orElseGet(() -> new RecordPipeline.RecordWriter() {
            @Override
            public byte[] format(MetricRecord record) {
                return null; // export level summary: per-request records are not kept
            }

            @Override
            public void append(byte[] line, MetricRecord record) {
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    private static RecordPipeline.RecordWriter records(RecordsJsonlWriter writer, RequestSampleSink samples) {
        RecordPipeline.RecordWriter lines = lines(writer, record -> writer.lineBytes(record, WORKER_ID));
        return samples == null ? lines : new SampledLines(lines, writer, samples);
    }

    private static RecordPipeline.RecordWriter raw(RawRecordsWriter writer) {
        return lines(writer, record -> {
            String line = writer.line(record.record().request(), WORKER_ID);
            return line == null ? null : line.getBytes(StandardCharsets.UTF_8);
        });
    }

    /** A record writer that formats with {@code format} and writes to {@code file}. */
    private static RecordPipeline.RecordWriter lines(RecordLineSink file, Function<MetricRecord, byte[]> format) {
        return new RecordPipeline.RecordWriter() {
            @Override
            public byte[] format(MetricRecord record) {
                return format.apply(record);
            }

            @Override
            public void append(byte[] line, MetricRecord record) throws IOException {
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

    /**
     * {@code profile_export.jsonl}'s writer that also hands the report the sample of each line it appends; when the
     * file may not get exactly those lines (a write fails), the samples are discarded and the report reads the file.
     */
    private record SampledLines(RecordPipeline.RecordWriter lines, RecordsJsonlWriter writer,
                                RequestSampleSink samples) implements RecordPipeline.RecordWriter {
        @Override
        public byte[] format(MetricRecord record) {
            return lines.format(record);
        }

        @Override
        public void append(byte[] line, MetricRecord record) throws IOException {
            try {
                lines.append(line, record);
            } catch (IOException | RuntimeException e) {
                samples.discard();
                throw e;
            }
            try {
                writer.sample(record, samples);
            } catch (RuntimeException e) {
                samples.discard(); // the line is written: only the report's shortcut is lost
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                lines.flush();
            } catch (IOException | RuntimeException e) {
                samples.discard();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                lines.close();
            } catch (IOException | RuntimeException e) {
                samples.discard();
                throw e;
            }
        }
    }

    /** Where the records go for this configuration, or null when they are not written. */
    static Path recordsFile(BenchmarkConfig config) {
        return RecordsJsonlWriter.EXPORT_LEVELS.contains(config.output().exportLevel())
                ? config.output().artifactDir().resolve(ArtifactFiles.of(config.output()).recordsJsonl()) : null;
    }
}
