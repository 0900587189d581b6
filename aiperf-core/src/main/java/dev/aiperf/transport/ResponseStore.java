package dev.aiperf.transport;

import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ReceivedResponses;
import io.netty.buffer.ByteBuf;

import java.util.Arrays;

/**
 * Where one exchange's responses are written as they arrive, on its event loop: their bytes appended to
 * one growing array, each response's end, arrival stamp and send stamp to primitive arrays. The reading
 * side gets them as {@link ReceivedResponses} over the same arrays, without a copy.
 *
 * <p>Growing makes new arrays, so a {@link #snapshot()} already taken keeps reading the old ones, whose
 * published part is never written again. Sized up front from the previous response of the connection,
 * a steady run of alike responses allocates four arrays per response and nothing per event.
 */
final class ResponseStore {

    private static final int MIN_BYTES = 256;
    private static final int MIN_COUNT = 4;

    private InferenceResponse.Kind kind = InferenceResponse.Kind.SSE;
    private byte[] bytes;
    private int length;
    private int[] ends;
    private long[] perfNs;
    private long[] serverSentNs;
    private int count;
    /** Where the response being written started: its bytes so far are {@code bytes[start, length)}. */
    private int start;

    /** The kind of every response stored from now on (one exchange has one kind of body). */
    void kind(InferenceResponse.Kind responsesKind) {
        kind = responsesKind;
    }

    /** Makes room for about {@code responses} responses of {@code totalBytes} bytes in all. */
    void reserve(int responses, int totalBytes) {
        if (bytes == null) {
            bytes = new byte[Math.max(MIN_BYTES, totalBytes)];
            int capacity = Math.max(MIN_COUNT, responses);
            ends = new int[capacity];
            perfNs = new long[capacity];
            serverSentNs = new long[capacity];
        }
    }

    /** Appends {@code n} bytes of {@code source} from {@code index} to the response being written. */
    void append(ByteBuf source, int index, int n) {
        ensureBytes(n);
        source.getBytes(index, bytes, length, n);
        length += n;
    }

    void append(byte[] source, int from, int n) {
        ensureBytes(n);
        System.arraycopy(source, from, bytes, length, n);
        length += n;
    }

    void append(byte b) {
        ensureBytes(1);
        bytes[length++] = b;
    }

    /** Whether the response being written has any bytes yet. */
    boolean writing() {
        return length > start;
    }

    /** Forgets the bytes of the response being written (an SSE error event is no response). */
    void discardWriting() {
        length = start;
    }

    /** The response being written is complete: it arrived at {@code arrivalNs}, the server sent it at {@code sentNs}. */
    void complete(long arrivalNs, long sentNs) {
        if (ends == null || count == ends.length) {
            int capacity = ends == null ? MIN_COUNT : count * 2;
            ends = ends == null ? new int[capacity] : Arrays.copyOf(ends, capacity);
            perfNs = perfNs == null ? new long[capacity] : Arrays.copyOf(perfNs, capacity);
            serverSentNs = serverSentNs == null ? new long[capacity] : Arrays.copyOf(serverSentNs, capacity);
        }
        ends[count] = length;
        perfNs[count] = arrivalNs;
        serverSentNs[count] = sentNs;
        count++;
        start = length;
    }

    int size() {
        return count;
    }

    /** Bytes of the complete responses. */
    int byteCount() {
        return start;
    }

    boolean isEmpty() {
        return count == 0;
    }

    long lastPerfNs() {
        return perfNs[count - 1];
    }

    /** The last complete response as an object (for a request's observer). */
    InferenceResponse last() {
        int from = count == 1 ? 0 : ends[count - 2];
        return InferenceResponse.ofUtf8(perfNs[count - 1], kind, bytes, from, ends[count - 1] - from,
                serverSentNs[count - 1]);
    }

    /** The complete responses so far, for the reading side; later appends never change what it sees. */
    ReceivedResponses snapshot() {
        return count == 0 ? ReceivedResponses.empty()
                : ReceivedResponses.of(kind, bytes == null ? new byte[0] : bytes, ends, perfNs, serverSentNs, count);
    }

    private void ensureBytes(int n) {
        if (bytes == null) {
            bytes = new byte[Math.max(MIN_BYTES, n)];
        } else if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
        }
    }
}
