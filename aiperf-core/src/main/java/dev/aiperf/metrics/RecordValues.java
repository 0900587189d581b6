package dev.aiperf.metrics;

import dev.aiperf.api.record.MetricValues;

import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The metric values of one record as {@link MetricRecordProcessor} builds them: most in an insertion-ordered
 * tag-to-value map, the {@code http_req_*} ones as the primitives of one {@link HttpReqValues}, placed where their
 * metrics come in the computation order. Read as a map it is the same as one map holding them all (the
 * {@code http_req_*} values boxed as {@code Long}s on reading); the statistics and the {@code profile_export.jsonl}
 * writer read the two parts apart ({@link #general}, {@link #httpPosition}, {@link #http}) and box nothing.
 */
public final class RecordValues extends MetricValues {
    private final Map<String, Object> general;
    private HttpReqValues http;
    /** The slots of {@link #http} that are active and have a value. */
    private int httpPresent;
    /** How many entries of {@link #general} come before the http_req_* values; -1 without them. */
    private int httpPosition = -1;
    private Set<Map.Entry<String, Object>> entries;

    RecordValues(int expected) {
        general = new LinkedHashMap<>(expected);
    }

    void add(String tag, Object value) {
        general.put(tag, value);
    }

    /** Places the http_req_* values of the {@code active} slots after the entries so far; none when null. */
    void putHttp(HttpReqValues values, int active) {
        if (values != null) {
            http = values;
            httpPresent = values.present() & active;
            httpPosition = general.size();
        }
    }

    /** Every value but the http_req_* ones, in computation order (read-only). */
    public Map<String, Object> general() {
        return Collections.unmodifiableMap(general);
    }

    /** How many {@link #general} entries come before the http_req_* values; -1 when there are none. */
    public int httpPosition() {
        return httpPosition;
    }

    /** One bit ({@code 1 << slot}) per http_req_* value the record has; they follow each other in slot order. */
    public int httpPresent() {
        return httpPresent;
    }

    /** An http_req_* value, in its base unit: only for a slot of {@link #httpPresent}. */
    public long http(int slot) {
        return http.value(slot);
    }

    @Override
    public Object get(Object tag) {
        Object value = general.get(tag);
        if (value != null || httpPresent == 0) {
            return value;
        }
        int slot = HttpReqValues.slotOf(tag);
        return slot >= 0 && (httpPresent & (1 << slot)) != 0 ? http.value(slot) : null;
    }

    @Override
    public boolean containsKey(Object tag) {
        return get(tag) != null;
    }

    @Override
    public int size() {
        return general.size() + Integer.bitCount(httpPresent);
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        if (entries == null) {
            entries = new Entries();
        }
        return entries;
    }

    /** The general entries with the http_req_* ones (boxed) in their place. */
    private final class Entries extends AbstractSet<Map.Entry<String, Object>> {
        @Override
        public int size() {
            return RecordValues.this.size();
        }

        @Override
        public Iterator<Map.Entry<String, Object>> iterator() {
            return new Iterator<>() {
                private final Iterator<Map.Entry<String, Object>> rest = general.entrySet().iterator();
                private int before = httpPosition;
                private int pending = httpPresent;

                @Override
                public boolean hasNext() {
                    return rest.hasNext() || pending != 0;
                }

                @Override
                public Map.Entry<String, Object> next() {
                    if (before == 0 && pending != 0) {
                        int slot = Integer.numberOfTrailingZeros(pending);
                        pending &= pending - 1;
                        return Map.entry(HttpReqValues.TAGS.get(slot), http.value(slot));
                    }
                    if (!rest.hasNext()) {
                        throw new NoSuchElementException();
                    }
                    before--;
                    Map.Entry<String, Object> entry = rest.next();
                    return Map.entry(entry.getKey(), entry.getValue());
                }
            };
        }
    }
}
