package dev.aiperf.engine;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.ProcessorContext;
import dev.aiperf.api.record.ResultsProcessor;
import dev.aiperf.artifacts.RequestSample;
import dev.aiperf.artifacts.RequestSampleColumns;
import dev.aiperf.artifacts.RunArtifacts;
import dev.aiperf.endpoint.ChatEndpoint;
import dev.aiperf.endpoint.Endpoints;
import dev.aiperf.export.ArtifactFiles;
import dev.aiperf.export.Redaction;
import dev.aiperf.metrics.MetricRecordProcessor;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.records.InferenceResultParser;
import dev.aiperf.report.HtmlReport;
import dev.aiperf.tokenizer.Tokenizers;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run's own {@code report.html} takes its per-request samples from memory, kept while {@code
 * profile_export.jsonl} is written; {@code aiperf report} on the folder reads them from the file. Both must give
 * the same samples, hence the same page.
 */
class ReportSamplesTest extends RunAgainstMockServer {

    @Test
    void theSamplesKeptWhileWritingAreThoseTheFileReadsBackAs() throws IOException {
        BenchmarkConfig config = TestConfigs.against("http://127.0.0.1:1", dir.resolve("run")).build();
        ChatEndpoint endpoint = Endpoints.chat(config);
        InferenceResultParser parser = InferenceResultParser.forRun(config, endpoint, Endpoints.metadata("chat"),
                Tokenizers.forName("cl100k_base"));
        MetricRecordProcessor metrics = new MetricRecordProcessor(new ProcessorContext(config, Endpoints.metadata("chat")));
        RequestSampleColumns columns = new RequestSampleColumns();
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        RecordPipeline pipeline = new RecordPipeline(parser, List.of(metrics), List.of(nothing()),
                RecordWriters.forRun(config, Redaction.of(config), columns), List.of(),
                new PrintStream(warnings, true, StandardCharsets.UTF_8), 3);
        for (long credit = 0; credit < 400; credit++) {
            pipeline.submit(record(credit));
        }
        pipeline.finish();

        List<RequestSample> fromFile = RunArtifacts.withSummary(dir.resolve("run"),
                JsonNodeFactory.instance.objectNode(), ArtifactFiles.of(config.output())).requests();
        assertThat(columns.complete()).isTrue();
        assertThat(fromFile).hasSize(390); // the warm-up records are not written
        assertThat(fromFile).anyMatch(RequestSample::failed).anyMatch(s -> s.ttftMs() != null && s.itlMs() != null);
        assertThat(columns.toSamples()).isEqualTo(fromFile);
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aRunsOwnReportIsTheReportOfItsFolder() throws IOException {
        TestConfigs config = against(MockServerConfig.builder().ttftMs(1).itlMs(0.2).errorRatePercent(10)
                .randomSeed(3L));
        config.requestCount = 300;
        config.concurrency = 8;
        config.osl = 12;
        config.warmupCount = 10;
        BenchmarkOutcome outcome = run(config);
        Path runDir = outcome.artifactDir();
        Path inRun = runDir.resolve(HtmlReport.FILE_NAME);
        assertThat(Files.readAllLines(runDir.resolve("profile_export.jsonl"))).hasSizeGreaterThan(250)
                .anyMatch(line -> line.contains("\"error\":{"));

        Path fromFolder = HtmlReport.write(List.of(RunArtifacts.read(runDir)), dir.resolve("again.html"),
                outcome.context().aiperfVersion());

        String page = withoutGenerationTime(Files.readString(inRun));
        String again = withoutGenerationTime(Files.readString(fromFolder));
        int at = firstDifference(page, again);
        assertThat(at).as("the pages differ at character %d: %s | %s", at, around(page, at), around(again, at))
                .isEqualTo(-1);
    }

    private static int firstDifference(String a, String b) {
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return a.length() == b.length() ? -1 : Math.min(a.length(), b.length());
    }

    private static String around(String text, int at) {
        return at < 0 ? "" : text.substring(Math.max(0, at - 100), Math.min(text.length(), at + 100));
    }

    private static String withoutGenerationTime(String page) {
        String cut = page.replaceFirst("\"generated_at\":\"[^\"]*\"", "\"generated_at\":\"\"");
        assertThat(cut).isNotEqualTo(page);
        return cut;
    }

    private static ResultsProcessor nothing() {
        return new ResultsProcessor() {
            @Override
            public void addRecord(dev.aiperf.api.record.MetricRecord record) {
            }

            @Override
            public List<MetricResult> processResults() {
                return List.of();
            }
        };
    }

    /**
     * Streams of a few chunks with odd latencies, every seventh a failure, every thirteenth cancelled
     * after what it had received, the first ten a warm-up.
     */
    private static RequestRecord record(long credit) {
        Turn turn = Turn.ofText("Shall I compare thee to a summer's day? Thou art more lovely", 8);
        CreditPhase phase = credit < 10 ? CreditPhase.WARMUP : CreditPhase.PROFILING;
        RequestInfo info = new RequestInfo(new Conversation("conv-" + credit % 3, List.of(turn), null, null),
                List.of(turn), 0, credit, phase, "req-" + credit, "corr-" + credit, 0);
        long start = 1_000_000 + credit * 1_003;
        long wall = 1_700_000_000_123_456_789L + start * 7;
        if (credit % 7 == 3) {
            return new RequestRecord(info, "mock-model", wall, start - 10, start, null, start + 333_333, 500, List.of(),
                    new ErrorDetails(500, "HTTPError", "boom " + credit), null);
        }
        List<InferenceResponse> responses = new ArrayList<>();
        long at = start + 1_234_567 + credit * 17;
        int chunks = 1 + (int) (credit % 5);
        for (int i = 0; i < chunks; i++) {
            responses.add(new InferenceResponse(at, InferenceResponse.Kind.SSE,
                    "{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":"
                            + "{\"content\":\"word" + i + " \"}}]}"));
            at += 98_765 + credit * 3 + i * 11;
        }
        Long cancelled = credit % 13 == 5 ? at + 5 : null;
        return new RequestRecord(info, "mock-model", wall, start - 10, start, start + 400, at + 1, 200, responses, null,
                cancelled);
    }
}
