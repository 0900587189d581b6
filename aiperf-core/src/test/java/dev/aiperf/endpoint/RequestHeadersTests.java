package dev.aiperf.endpoint;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Headers merged once per run are, for every request, the map merging them per request gave: the same entries in
 * the same order, a user header replacing a generated one of any case in place and keeping the first name's case.
 */
class RequestHeadersTests {

    @Test
    void everyWayOfCarryingTheIdsMergesAsPerRequest() {
        List<List<Map.Entry<String, String>>> userHeaderSets = List.of(
                List.of(),
                List.of(Map.entry("Authorization", "Bearer k")),
                List.of(Map.entry("x-request-id", "mine"), Map.entry("X-Trace", "7")),
                List.of(Map.entry("X-CORRELATION-ID", "corr"), Map.entry("accept", "text/plain"),
                        Map.entry("User-Agent", "custom/1")),
                List.of(Map.entry("content-type", "application/x"), Map.entry("X-Request-Id", "a"),
                        Map.entry("x-request-id", "b"), Map.entry("x-correlation-id", "c")));
        for (List<Map.Entry<String, String>> user : userHeaderSets) {
            RequestHeaders headers = new RequestHeaders("aiperf/test", user, "text/event-stream");
            for (String requestId : new String[] {null, "req-1", "req-2"}) {
                for (String correlationId : new String[] {null, "session-9"}) {
                    Map<String, String> expected = mergedPerRequest(user, requestId, correlationId);
                    Map<String, String> actual = headers.of(requestId, correlationId);
                    assertThat(actual).as("user %s, ids %s %s", user, requestId, correlationId)
                            .containsExactlyEntriesOf(expected).isEqualTo(expected);
                    assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
                    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
                    expected.forEach((name, value) -> assertThat(actual.get(name)).isEqualTo(value));
                    assertThat(actual.get("no-such-header")).isNull();
                    assertThat(actual.containsKey("Content-Type") || actual.containsKey("content-type")).isTrue();
                }
            }
        }
    }

    @Test
    void theHeadersCannotBeChanged() {
        Map<String, String> headers = new RequestHeaders("aiperf/test", List.of(), "application/json").of("r", "s");
        assertThatThrownBy(() -> headers.put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.entrySet().iterator().next().setValue("z"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.keySet().remove("User-Agent")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(headers).hasSize(5);
    }

    /** The merge as it was done for every request before: the reference. */
    private static Map<String, String> mergedPerRequest(List<Map.Entry<String, String>> user, String requestId,
                                                        String correlationId) {
        Map<String, Map.Entry<String, String>> byLowerName = new LinkedHashMap<>();
        List<Map.Entry<String, String>> all = new ArrayList<>();
        all.add(Map.entry("User-Agent", "aiperf/test"));
        if (requestId != null) {
            all.add(Map.entry("X-Request-ID", requestId));
        }
        if (correlationId != null) {
            all.add(Map.entry("X-Correlation-ID", correlationId));
        }
        all.addAll(user);
        all.add(Map.entry("Content-Type", "application/json"));
        all.add(Map.entry("Accept", "text/event-stream"));
        for (Map.Entry<String, String> header : all) {
            String key = header.getKey().toLowerCase(Locale.ROOT);
            Map.Entry<String, String> previous = byLowerName.get(key);
            byLowerName.put(key, Map.entry(previous == null ? header.getKey() : previous.getKey(), header.getValue()));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        byLowerName.values().forEach(entry -> headers.put(entry.getKey(), entry.getValue()));
        return Collections.unmodifiableMap(headers);
    }
}
