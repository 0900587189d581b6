package dev.aiperf.export;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {

    private static Map<String, Object> sample() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", 1L);
        map.put("a", 2.0);
        map.put("skipped", null);
        map.put("list", List.of("x", true));
        map.put("empty", List.of());
        map.put("nested", Map.of());
        map.put("gaps", new double[] {12.0, 9.5});
        map.put("nullsInLists", Arrays.asList("k", null));
        return map;
    }

    @Test
    void compactHasNoSpacesAndOmitsNulls() {
        assertThat(JsonText.compact(sample())).isEqualTo(
                "{\"b\":1,\"a\":2.0,\"list\":[\"x\",true],\"empty\":[],\"nested\":{},\"gaps\":[12.0,9.5],"
                        + "\"nullsInLists\":[\"k\",null]}");
    }

    @Test
    void prettyIndentsByTwoSpaces() {
        assertThat(JsonText.pretty(Map.of("list", List.of(1, 2), "obj", Map.of("k", "v")).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll)))
                .isEqualTo("{\n  \"list\": [\n    1,\n    2\n  ],\n  \"obj\": {\n    \"k\": \"v\"\n  }\n}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(JsonText.compact("{\"error\":\"boom\"}\n\t\u0001é")).isEqualTo("\"{\\\"error\\\":\\\"boom\\\"}\\n\\t\\u0001é\"");
    }
}
