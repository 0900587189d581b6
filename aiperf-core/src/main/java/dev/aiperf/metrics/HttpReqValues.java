package dev.aiperf.metrics;

import dev.aiperf.api.model.HttpTrace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.aiperf.metrics.MetricTags.*;

/**
 * One request's {@code http_req_*} values (metrics spec §2.2 "HTTP trace"), computed once from its {@link HttpTrace}
 * as primitives: in each metric's base unit (nanoseconds, bytes, counts, a 0/1 ratio), with a bit per value that
 * is there. Every request carries them while tracing is on (the default), so the record keeps them out of its
 * boxed tag-to-value map ({@link RecordValues}): the statistics pool and the {@code profile_export.jsonl} line read
 * them straight from here. Slots are in catalogue order, the order the metrics are computed and written.
 */
public final class HttpReqValues {
    public static final int BLOCKED = 0;
    public static final int DNS_LOOKUP = 1;
    public static final int CONNECTING = 2;
    public static final int TLS_HANDSHAKING = 3;
    public static final int SENDING = 4;
    public static final int WAITING = 5;
    public static final int RECEIVING = 6;
    public static final int CONNECTION_REUSED = 7;
    public static final int DATA_SENT = 8;
    public static final int CHUNKS_SENT = 9;
    public static final int DATA_RECEIVED = 10;
    public static final int CHUNKS_RECEIVED = 11;
    public static final int CONNECTION_OVERHEAD = 12;
    public static final int DURATION = 13;
    public static final int TOTAL = 14;
    /** Each slot's metric tag. */
    public static final List<String> TAGS = List.of(HTTP_REQ_BLOCKED, HTTP_REQ_DNS_LOOKUP, HTTP_REQ_CONNECTING,
            HTTP_REQ_TLS_HANDSHAKING, HTTP_REQ_SENDING, HTTP_REQ_WAITING, HTTP_REQ_RECEIVING,
            HTTP_REQ_CONNECTION_REUSED, HTTP_REQ_DATA_SENT, HTTP_REQ_CHUNKS_SENT, HTTP_REQ_DATA_RECEIVED,
            HTTP_REQ_CHUNKS_RECEIVED, HTTP_REQ_CONNECTION_OVERHEAD, HTTP_REQ_DURATION, HTTP_REQ_TOTAL);
    public static final int COUNT = 15;
    private static final Map<String, Integer> SLOTS = slots();

    private final long[] values = new long[COUNT];
    /** Bit {@code 1 << slot} set when the slot has a value. */
    private final int present;

    private HttpReqValues(HttpTrace t) {
        long blocked = HttpPhases.blocked(t);
        long dnsLookup = HttpPhases.dnsLookup(t);
        long connecting = HttpPhases.connecting(t);
        long sending = HttpPhases.sending(t);
        long waiting = HttpPhases.waiting(t);
        long receiving = HttpPhases.receiving(t);
        values[BLOCKED] = blocked;
        values[DNS_LOOKUP] = dnsLookup;
        values[CONNECTING] = connecting;
        values[TLS_HANDSHAKING] = HttpPhases.tlsHandshaking(t);
        values[SENDING] = sending;
        values[WAITING] = waiting;
        values[RECEIVING] = receiving;
        values[CONNECTION_REUSED] = t.connectionReused() ? 1 : 0;
        values[DATA_SENT] = t.requestBytesTotal();
        values[CHUNKS_SENT] = t.requestChunksCount();
        values[DATA_RECEIVED] = t.responseBytesTotal();
        values[CHUNKS_RECEIVED] = t.responseChunksCount();
        // the original's two sums: only when every part has a value (NONE is negative, a value never is)
        boolean connection = blocked >= 0 && dnsLookup >= 0 && connecting >= 0;
        values[CONNECTION_OVERHEAD] = connection ? blocked + dnsLookup + connecting : HttpPhases.NONE;
        values[DURATION] = HttpPhases.duration(t);
        values[TOTAL] = connection && sending >= 0 && waiting >= 0 && receiving >= 0
                ? blocked + dnsLookup + connecting + sending + waiting + receiving : HttpPhases.NONE;
        int bits = 0;
        for (int slot = 0; slot < COUNT; slot++) {
            if (values[slot] != HttpPhases.NONE) {
                bits |= 1 << slot;
            }
        }
        present = bits;
    }

    /** The values of a traced request, or null for a request without a trace. */
    public static HttpReqValues of(HttpTrace trace) {
        return trace == null ? null : new HttpReqValues(trace);
    }

    /** The slot of an {@code http_req_*} tag, or -1 for any other tag. */
    public static int slotOf(Object tag) {
        Integer slot = tag == null ? null : SLOTS.get(tag);
        return slot == null ? -1 : slot;
    }

    /** One bit ({@code 1 << slot}) per slot that has a value. */
    public int present() {
        return present;
    }

    public boolean has(int slot) {
        return (present & (1 << slot)) != 0;
    }

    /** The slot's value in its metric's base unit; {@link HttpPhases#NONE} when it has none. */
    public long value(int slot) {
        return values[slot];
    }

    private static Map<String, Integer> slots() {
        Map<String, Integer> slots = new HashMap<>();
        for (int slot = 0; slot < COUNT; slot++) {
            slots.put(TAGS.get(slot), slot);
        }
        return Map.copyOf(slots);
    }
}
