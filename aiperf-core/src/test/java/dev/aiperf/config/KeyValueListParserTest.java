package dev.aiperf.config;

import dev.aiperf.api.config.KeyValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Spec §1.2: key:value coercion and the JSON form. */
class KeyValueListParserTest {

    @Test
    void valuesAreCoercedLikeTheOriginal() {
        assertThat(KeyValueListParser.coerce("true")).isEqualTo(true);
        assertThat(KeyValueListParser.coerce("FALSE")).isEqualTo(false);
        assertThat(KeyValueListParser.coerce("None")).isNull();
        assertThat(KeyValueListParser.coerce("null")).isNull();
        assertThat(KeyValueListParser.coerce("42")).isEqualTo(42);
        assertThat(KeyValueListParser.coerce("-7")).isEqualTo(-7);
        assertThat(KeyValueListParser.coerce("0")).isEqualTo(0);
        assertThat(KeyValueListParser.coerce("007")).isEqualTo("007");
        assertThat(KeyValueListParser.coerce("0.5")).isEqualTo(0.5);
        assertThat(KeyValueListParser.coerce("1.2.3")).isEqualTo("1.2.3");
        assertThat(KeyValueListParser.coerce("12345678901")).isEqualTo(12345678901L);
        assertThat(KeyValueListParser.coerce("abc")).isEqualTo("abc");
    }

    @Test
    void pairsSplitOnCommasThenTheFirstColon() {
        List<KeyValue> pairs = KeyValueListParser.parse("--header", List.of("Authorization:Bearer a:b, X-Y : z"));
        assertThat(pairs).containsExactly(new KeyValue("Authorization", "Bearer a:b"), new KeyValue("X-Y", "z"));
    }

    @Test
    void jsonObjectsKeepTheirTypesAndOrder() {
        List<KeyValue> pairs = KeyValueListParser.parse("--extra-inputs",
                List.of("{\"b\": 1, \"a\": \"x,y\", \"n\": {\"k\": [1, 2]}}"));
        assertThat(pairs).extracting(KeyValue::key).containsExactly("b", "a", "n");
        assertThat(pairs.get(1).value()).isEqualTo("x,y");
        assertThat(pairs.get(2).value()).isEqualTo(Map.of("k", List.of(1, 2)));
    }
}
