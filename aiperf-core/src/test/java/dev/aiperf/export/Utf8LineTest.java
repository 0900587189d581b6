package dev.aiperf.export;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record lines' byte writers against the characters' ones the summaries use: the same text, encoded as
 * {@code String.getBytes(UTF_8)} encodes it (what {@code profile_export.jsonl} got when lines were strings).
 */
class Utf8LineTest {

    private static byte[] viaText(Object value) {
        return JsonText.compact(value).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] viaBytes(Object value) {
        Utf8Line line = new Utf8Line(4);
        JsonText.write(line, value);
        return line.toBytes();
    }

    @Test
    void randomTextIsQuotedAndEncodedAsTheStringWasIncludingLoneSurrogates() {
        SplittableRandom random = new SplittableRandom(7);
        char[] interesting = {'"', '\\', '\n', '\r', '\t', '\b', '\f', 0, 0x1f, 0x7f, 0x80, 0x7ff, 0x800, 'é', '€',
                0xd83d, 0xde00, 0xdbff, 0xdfff, 0xfffe, 'a', ' '};
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            char[] text = new char[random.nextInt(0, 40)];
            for (int j = 0; j < text.length; j++) {
                text[j] = random.nextInt(3) == 0 ? interesting[random.nextInt(interesting.length)]
                        : (char) random.nextInt(random.nextBoolean() ? 0x80 : 0x10000);
            }
            String s = new String(text);
            if (!Arrays.equals(viaBytes(s), viaText(s))) {
                mismatches.add(s.chars().mapToObj(Integer::toHexString).toList().toString());
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(viaBytes("😀 \ud83d x")).isEqualTo("\"😀 ? x\"".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyKindOfValueIsWrittenAsTheCompactText() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("long", Long.MIN_VALUE);
        map.put("max", Long.MAX_VALUE);
        map.put("zero", 0L);
        map.put("int", -42);
        map.put("double", 0.1 + 0.2);
        map.put("float", 1.1f);
        map.put("nan", Double.NaN);
        map.put("big", new BigDecimal("1.50"));
        map.put("bool", false);
        map.put("skipped", null);
        map.put("list", Arrays.asList("x", null, 3L, List.of(), Map.of()));
        map.put("doubles", new double[]{-0.0, 1e16, 5e-324, 12.5});
        map.put("other", Thread.State.NEW);
        map.put("text", "é\"\u0001");
        assertThat(new String(viaBytes(map), StandardCharsets.UTF_8)).isEqualTo(JsonText.compact(map));
        for (long n : new long[]{1, 9, 10, 99, 100, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L, -1, -10}) {
            assertThat(viaBytes(n)).as("%d", n).isEqualTo(Long.toString(n).getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aLineGrowsAndTheThreadsLineComesBackEmpty() {
        Utf8Line line = Utf8Line.take();
        line.quoted("x".repeat(10_000));
        assertThat(line.length()).isEqualTo(10_002);
        assertThat(Utf8Line.take().length()).isZero();
        assertThat(Utf8Line.take()).isSameAs(line);
        line.quoted("y".repeat(300_000));
        assertThat(Utf8Line.take()).as("a line grown past 256 KiB is not kept").isNotSameAs(line);
    }
}
