package dev.aiperf.console;

import dev.aiperf.api.export.ErrorCount;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.model.ErrorDetails;
import dev.aiperf.metrics.TvE;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The error summary table (metrics spec §7), golden against the original's example. */
class ErrorSummaryConsoleExporterTest {

    private static String print(List<ErrorCount> errors, int width) {
        ExportContext context = MetricsTableConsoleExporterTest.context(TvE.config(), TvE.results(TvE.config()), errors);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ErrorSummaryConsoleExporter(width).export(context, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void matchesTheOriginalsExample() {
        assertThat(print(List.of(new ErrorCount(TvE.ERROR, 1)), 120)).isEqualTo("""

                               NVIDIA AIPerf | Error Summary
                ┏━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━┳━━━━━━━┓
                ┃ Code ┃                  Type ┃ Message          ┃ Count ┃
                ┡━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━╇━━━━━━━┩
                │  500 │ Internal Server Error │ {"error":"boom"} │     1 │
                └──────┴───────────────────────┴──────────────────┴───────┘
                """);
    }

    @Test
    void missingCodeAndTypeShowNotApplicableAndCountsAreGrouped() {
        String output = print(List.of(new ErrorCount(new ErrorDetails(null, null, "socket closed"), 12345)), 120);
        assertThat(output).contains("│  N/A │  N/A │ socket closed │ 12,345 │");
    }

    @Test
    void longMessagesWrapToTheConsoleWidth() {
        String message = "word ".repeat(60).trim();
        String output = print(List.of(new ErrorCount(new ErrorDetails(400, "Bad Request", message), 2)), 100);
        assertThat(output.lines().filter(l -> !l.isEmpty())).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(output.lines().filter(l -> l.startsWith("│")).count()).isGreaterThan(1);
    }

    @Test
    void nothingWhenNoRequestFailed() {
        assertThat(print(List.of(), 120)).isEmpty();
    }

    @Test
    void unsupportedMaxCompletionTokensGetsAHint() {
        ErrorDetails rejected = new ErrorDetails(400, "Bad Request", "{\"object\":\"error\",\"message\":\"[{'type': "
                + "'extra_forbidden', 'loc': ('body', 'max_completion_tokens'), 'msg': 'Extra inputs are not permitted'}]\"}");
        String output = print(List.of(new ErrorCount(rejected, 3)), 120);
        assertThat(output).contains("Unsupported Parameter: max_completion_tokens")
                .contains("│  • Or run AIPerf with '--use-legacy-max-tokens'")
                .contains("  1. Inspect request payloads").contains("  2. Check TRT-LLM supported parameters.");
        assertThat(output.indexOf("Unsupported Parameter")).isLessThan(output.indexOf("NVIDIA AIPerf | Error Summary"));
    }
}
