package dev.aiperf.api.model;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The raw responses of one request as a transport stored them while they arrived: the bytes of every
 * response back to back in one array, where each ends and when it arrived in primitive arrays. A
 * streamed response of 64 events is six objects here instead of 64 {@link InferenceResponse}s made
 * on the transport's I/O thread (issue 12: no allocation per chunk there).
 *
 * <p>As a {@code List} it is immutable and makes each {@link InferenceResponse} on its first use, on the
 * reading thread. A reader that needs only bytes and stamps can use the indexed accessors
 * ({@link #perfNs(int)}, {@link #utf8Offset(int)}, ...) and make no objects at all.
 *
 * <p>The transport hands its arrays over: nothing below {@code count} in them is ever written again.
 * Safe to share between threads once published (e.g. through the request's future).
 */
public final class ReceivedResponses extends AbstractList<InferenceResponse> implements RandomAccess {

    private static final ReceivedResponses EMPTY = new ReceivedResponses(InferenceResponse.Kind.SSE, new byte[0],
            new int[0], new long[0], new long[0], 0);

    private final InferenceResponse.Kind kind;
    private final byte[] bytes;
    private final int[] ends;
    private final long[] perfNs;
    private final long[] serverSentNs;
    private final int count;
    /** The responses as objects, each made on its first {@link #get}; a race only makes equal ones twice. */
    private volatile InferenceResponse[] made;

    private ReceivedResponses(InferenceResponse.Kind kind, byte[] bytes, int[] ends, long[] perfNs,
                              long[] serverSentNs, int count) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.bytes = bytes;
        this.ends = ends;
        this.perfNs = perfNs;
        this.serverSentNs = serverSentNs;
        this.count = count;
    }

    /**
     * Responses over arrays the caller hands over and never writes again below {@code count}: response
     * {@code i} is {@code bytes[ends[i - 1], ends[i])} (from 0 for the first), it arrived at
     * {@code perfNs[i]} and the server stamped it {@code serverSentNs[i]} (0 when it did not).
     */
    public static ReceivedResponses of(InferenceResponse.Kind kind, byte[] bytes, int[] ends, long[] perfNs,
                                       long[] serverSentNs, int count) {
        Objects.checkFromIndexSize(0, count, ends.length);
        Objects.checkFromIndexSize(0, count, perfNs.length);
        Objects.checkFromIndexSize(0, count, serverSentNs.length);
        if (count > 0) {
            Objects.checkFromToIndex(0, ends[count - 1], bytes.length);
        }
        return count == 0 ? EMPTY : new ReceivedResponses(kind, bytes, ends, perfNs, serverSentNs, count);
    }

    /** No responses. */
    public static ReceivedResponses empty() {
        return EMPTY;
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public InferenceResponse get(int index) {
        Objects.checkIndex(index, count);
        InferenceResponse[] responses = made;
        if (responses == null) {
            responses = new InferenceResponse[count];
            made = responses;
        }
        InferenceResponse response = responses[index];
        if (response == null) {
            // One at a time: a reader of the last response alone (the record's end) makes one object, not all.
            response = InferenceResponse.ofUtf8(perfNs[index], kind, bytes, utf8Offset(index), utf8Length(index),
                    serverSentNs[index]);
            responses[index] = response; // its fields are final: safe to publish through a race
        }
        return response;
    }

    /** How every response here arrived. */
    public InferenceResponse.Kind kind() {
        return kind;
    }

    /** {@code System.nanoTime()} when the bytes that completed response {@code index} arrived. */
    public long perfNs(int index) {
        Objects.checkIndex(index, count);
        return perfNs[index];
    }

    /** The server's send stamp of response {@code index}, or 0. */
    public long serverSentNs(int index) {
        Objects.checkIndex(index, count);
        return serverSentNs[index];
    }

    /** The array holding every response's UTF-8 bytes: read it, never write it. */
    public byte[] utf8Bytes() {
        return bytes;
    }

    /** Where response {@code index} starts in {@link #utf8Bytes()}. */
    public int utf8Offset(int index) {
        Objects.checkIndex(index, count);
        return index == 0 ? 0 : ends[index - 1];
    }

    /** How many bytes response {@code index} takes. */
    public int utf8Length(int index) {
        return ends[Objects.checkIndex(index, count)] - utf8Offset(index);
    }
}
