package dev.aiperf.endpoint;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The headers of a run's requests (spec §4.2), merged once: every request gets the same names, values and order,
 * except its {@code X-Request-ID} and {@code X-Correlation-ID} values. The merge (case-insensitive, a later header
 * replacing an earlier one in place) is done once for each of the four ways a request can carry the two ids, with
 * marker values where they go; a request's headers are then that merge with its ids put in, in an unmodifiable map
 * over an array instead of two linked hash maps built per request.
 */
final class RequestHeaders {
    // Markers compared by identity: a user header with the same text is still the user's.
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String REQUEST_ID = new String("request id");
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String CORRELATION_ID = new String("correlation id");

    /** Indexed by (request id given ? 2 : 0) + (correlation id given ? 1 : 0). */
    private final Template[] templates = new Template[4];

    /**
     * @param userAgent   the {@code User-Agent} value
     * @param userHeaders {@code --header} pairs then the bearer token: they win over the generated headers
     * @param accept      the {@code Accept} value
     */
    RequestHeaders(String userAgent, List<Map.Entry<String, String>> userHeaders, String accept) {
        for (int i = 0; i < templates.length; i++) {
            HeaderMerge merge = new HeaderMerge();
            merge.put("User-Agent", userAgent);
            if ((i & 2) != 0) {
                merge.put("X-Request-ID", REQUEST_ID);
            }
            if ((i & 1) != 0) {
                merge.put("X-Correlation-ID", CORRELATION_ID);
            }
            for (Map.Entry<String, String> header : userHeaders) {
                merge.put(header.getKey(), header.getValue());
            }
            merge.put("Content-Type", "application/json");
            merge.put("Accept", accept);
            templates[i] = new Template(merge.entries());
        }
    }

    /** The headers of a request with these ids (null when it has none), in send order. */
    Map<String, String> of(String requestId, String correlationId) {
        return templates[(requestId != null ? 2 : 0) + (correlationId != null ? 1 : 0)].with(requestId, correlationId);
    }

    /** One merge, with where the ids go (-1 where a user header replaced the id, or it is not sent). */
    private static final class Template {
        private final Map.Entry<String, String>[] entries;
        private final int requestIdAt;
        private final int correlationIdAt;
        /** The headers themselves when no id goes in: shared by every request. */
        private final Headers constant;

        Template(List<Map.Entry<String, String>> merged) {
            @SuppressWarnings("unchecked")
            Map.Entry<String, String>[] array = merged.toArray(new Map.Entry[0]);
            this.entries = array;
            int request = -1;
            int correlation = -1;
            for (int i = 0; i < array.length; i++) {
                if (array[i].getValue() == REQUEST_ID) {
                    request = i;
                } else if (array[i].getValue() == CORRELATION_ID) {
                    correlation = i;
                }
            }
            this.requestIdAt = request;
            this.correlationIdAt = correlation;
            this.constant = request < 0 && correlation < 0 ? new Headers(array) : null;
        }

        Map<String, String> with(String requestId, String correlationId) {
            if (constant != null) {
                return constant;
            }
            Map.Entry<String, String>[] own = entries.clone();
            if (requestIdAt >= 0) {
                own[requestIdAt] = Map.entry(own[requestIdAt].getKey(), requestId);
            }
            if (correlationIdAt >= 0) {
                own[correlationIdAt] = Map.entry(own[correlationIdAt].getKey(), correlationId);
            }
            return new Headers(own);
        }
    }

    /** Header names are case-insensitive: a later header replaces an earlier one of any case in place. */
    private static final class HeaderMerge {
        private final Map<String, Map.Entry<String, String>> byLowerName = new LinkedHashMap<>();

        void put(String name, String value) {
            String key = name.toLowerCase(Locale.ROOT);
            Map.Entry<String, String> previous = byLowerName.get(key);
            byLowerName.put(key, Map.entry(previous == null ? name : previous.getKey(), value));
        }

        List<Map.Entry<String, String>> entries() {
            return new ArrayList<>(byLowerName.values());
        }
    }

    /** An unmodifiable map over an array of distinct names, iterated in array order. */
    private static final class Headers extends AbstractMap<String, String> {
        private final Map.Entry<String, String>[] entries;
        private final Set<Map.Entry<String, String>> entrySet = new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < entries.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= entries.length) {
                            throw new NoSuchElementException();
                        }
                        return entries[next++];
                    }
                };
            }

            @Override
            public int size() {
                return entries.length;
            }
        };

        Headers(Map.Entry<String, String>[] entries) {
            this.entries = entries;
        }

        @Override
        public Set<Map.Entry<String, String>> entrySet() {
            return entrySet;
        }

        @Override
        public String get(Object key) {
            for (Map.Entry<String, String> entry : entries) {
                if (entry.getKey().equals(key)) {
                    return entry.getValue();
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            for (Map.Entry<String, String> entry : entries) {
                if (entry.getKey().equals(key)) {
                    return true;
                }
            }
            return false;
        }
    }
}
