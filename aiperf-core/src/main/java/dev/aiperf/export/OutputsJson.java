package dev.aiperf.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.record.MetricRecord;
import dev.aiperf.metrics.MetricCatalog;
import dev.aiperf.metrics.MetricDefinition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code outputs.json} ({@code --export-outputs-json}, implied by {@code --export-level raw}; upstream spec §6.5):
 * what the server generated for each request, next to a few of its metrics, so a reader can check answers
 * without the raw export. Schema {@code "1.1"}: {@code data} holds the profiling requests and {@code warmup}
 * the warm-up ones, each sorted by ({@code session_num}, {@code turn_index}); {@code response_text} is the
 * reasoning followed by the answer, or null when there was none.
 *
 * <p>Entries are kept in memory until the run ends (the file is sorted), one small object per request, filled
 * on the records thread only when the file is asked for.
 */
public final class OutputsJson {
    public static final String SCHEMA_VERSION = "1.1";
    /** The metrics each entry carries, in display units (the original's allowlist). */
    static final List<String> METRICS = List.of("input_sequence_length", "output_token_count",
            "output_sequence_length", "request_latency", "time_to_first_token", "inter_token_latency");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Entry> data = new ArrayList<>();
    private final List<Entry> warmup = new ArrayList<>();

    /** One request's line of the file. */
    private record Entry(long sessionNum, String conversationId, int turnIndex, String xRequestId, String phase,
                         long requestStartNs, Long requestEndNs, Map<String, Object[]> metrics, String responseText) {
    }

    /** Keeps what the file needs of one record (warm-up or profiling). Called from one thread. */
    public void add(MetricRecord record) {
        RequestRecord request = record.record().request();
        RequestInfo info = request.requestInfo();
        Map<String, Object[]> metrics = new LinkedHashMap<>();
        for (String tag : METRICS) {
            Object value = record.values().get(tag);
            if (value instanceof Number number) {
                Optional<MetricDefinition> definition = MetricCatalog.definition(tag);
                String unit = definition.map(MetricDefinition::displayUnit).orElse(null);
                Object shown = definition.isPresent() && definition.get().isConverted()
                        ? number.doubleValue() * definition.get().displayFactor() : number;
                metrics.put(tag, new Object[]{shown, unit});
            }
        }
        Long end = RecordMetadataJson.endPerfNs(request);
        CreditPhase phase = info == null ? CreditPhase.PROFILING : info.phase();
        Entry entry = new Entry(info == null ? 0 : info.creditNum(),
                info == null || info.conversation() == null ? null : info.conversation().sessionId(),
                info == null ? 0 : info.turnIndex(), info == null ? null : info.xRequestId(), phase.wireName(),
                request.timestampNs(), end == null ? null : RecordMetadataJson.wall(request, end), metrics,
                responseText(record));
        (phase == CreditPhase.WARMUP ? warmup : data).add(entry);
    }

    /** Reasoning then answer, or null when the request produced neither. */
    private static String responseText(MetricRecord record) {
        StringBuilder reasoning = new StringBuilder();
        StringBuilder answer = new StringBuilder();
        for (ParsedResponse response : record.record().responses()) {
            if (response.data() != null) {
                reasoning.append(response.data().reasoningText());
                answer.append(response.data().outputText());
            }
        }
        return reasoning.isEmpty() && answer.isEmpty() ? null : reasoning.append(answer).toString();
    }

    /** Writes the file atomically. */
    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("schema_version", SCHEMA_VERSION);
        entries(root.putArray("data"), data);
        entries(root.putArray("warmup"), warmup);
        AtomicFile.writeString(file, JSON.writeValueAsString(root));
    }

    private static void entries(ArrayNode array, List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::sessionNum).thenComparingInt(Entry::turnIndex));
        for (Entry e : sorted) {
            ObjectNode node = array.addObject();
            node.put("session_num", e.sessionNum());
            node.put("conversation_id", e.conversationId());
            node.put("turn_index", e.turnIndex());
            node.put("x_request_id", e.xRequestId());
            node.put("benchmark_phase", e.phase());
            node.put("request_start_ns", e.requestStartNs());
            node.put("request_end_ns", e.requestEndNs());
            ObjectNode metrics = node.putObject("metrics");
            e.metrics().forEach((tag, valueAndUnit) -> {
                ObjectNode metric = metrics.putObject(tag);
                metric.putPOJO("value", valueAndUnit[0]);
                metric.put("unit", (String) valueAndUnit[1]);
            });
            node.put("response_text", e.responseText());
        }
    }
}
