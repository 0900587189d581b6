package dev.aiperf.api.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One raw response unit as received: an SSE event's data, or a whole text body.
 *
 * <p>The built-in transport keeps the bytes it received and decodes them only when {@link #text()} is
 * first asked for: an endpoint that parses JSON reads {@link #utf8Bytes()} directly, so no string is
 * made per streamed chunk. Immutable and safe to share between threads.
 *
 * <p>{@link #serverSentNs()} is when the server says it sent the event, on its monotonic clock (an SSE
 * comment {@code : t=<nanos>}, as the mock server writes), or 0 when it did not say. On Linux
 * {@code System.nanoTime()} of every process on the machine reads the same clock (CLOCK_MONOTONIC), so
 * {@code perfNs - serverSentNs} is the time the client took to see the event: its own measurement
 * error plus the loopback transfer.
 */
public final class InferenceResponse {

    public enum Kind { SSE, TEXT }

    private final long perfNs;
    private final Kind kind;
    private final long serverSentNs;
    // Exactly one of the two representations is given; the other is derived on first use. Both
    // derivations are pure, so a race only computes the same value twice.
    private final String givenText;
    private String decodedText;      // the decoded bytes, once asked for
    private volatile byte[] encoded; // the UTF-8 of a text given as a String: offset 0, whole array
    private final byte[] bytes;      // received bytes: shared with the transport, never written after creation
    private final int offset;
    private final int length;

    /**
     * @param perfNs {@code System.nanoTime()} when the bytes that completed it arrived
     * @param kind   how it arrived
     * @param text   SSE event data (data lines joined by {@code \n}) or the body text; null reads as no bytes
     */
    public InferenceResponse(long perfNs, Kind kind, String text) {
        this(perfNs, kind, text, 0L);
    }

    /**
     * @param serverSentNs when the server says it sent it, on the shared monotonic clock, or 0
     */
    public InferenceResponse(long perfNs, Kind kind, String text, long serverSentNs) {
        this.perfNs = perfNs;
        this.serverSentNs = serverSentNs;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.givenText = text;
        this.bytes = null;
        this.offset = 0;
        this.length = 0;
    }

    private InferenceResponse(long perfNs, Kind kind, byte[] bytes, int offset, int length, long serverSentNs) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        this.perfNs = perfNs;
        this.serverSentNs = serverSentNs;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.givenText = null;
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    /**
     * A response over received UTF-8 bytes, without a copy: the caller hands over that range of
     * {@code bytes} and must never write it again.
     */
    public static InferenceResponse ofUtf8(long perfNs, Kind kind, byte[] bytes, int offset, int length) {
        return new InferenceResponse(perfNs, kind, bytes, offset, length, 0L);
    }

    /** The same, with the server's send stamp (0 when it gave none). */
    public static InferenceResponse ofUtf8(long perfNs, Kind kind, byte[] bytes, int offset, int length,
                                           long serverSentNs) {
        return new InferenceResponse(perfNs, kind, bytes, offset, length, serverSentNs);
    }

    /** {@code System.nanoTime()} when the bytes that completed this response arrived. */
    public long perfNs() {
        return perfNs;
    }

    public Kind kind() {
        return kind;
    }

    /** When the server says it sent this response, on the shared monotonic clock; 0 when it did not say. */
    public long serverSentNs() {
        return serverSentNs;
    }

    /** Whether the server stamped its send time. */
    public boolean hasServerSentNs() {
        return serverSentNs != 0L;
    }

    /** The SSE event data (data lines joined by {@code \n}) or the body text; malformed UTF-8 is replaced. */
    public String text() {
        if (bytes == null) {
            return givenText;
        }
        String decoded = decodedText;
        if (decoded == null) {
            decoded = new String(bytes, offset, length, StandardCharsets.UTF_8);
            decodedText = decoded; // String is immutable: publishing it through a race is safe
        }
        return decoded;
    }

    /**
     * The text as UTF-8, for parsers that read bytes: the range {@code [utf8Offset(), utf8Offset() +
     * utf8Length())} of this array. The array may be shared: read it, never write it.
     */
    public byte[] utf8Bytes() {
        if (bytes != null) {
            return bytes;
        }
        byte[] utf8 = encoded;
        if (utf8 == null) {
            utf8 = givenText == null ? new byte[0] : givenText.getBytes(StandardCharsets.UTF_8);
            encoded = utf8;
        }
        return utf8;
    }

    /** Where the text starts in {@link #utf8Bytes()}. */
    public int utf8Offset() {
        return bytes != null ? offset : 0;
    }

    /** How many bytes of {@link #utf8Bytes()} the text takes. */
    public int utf8Length() {
        return bytes != null ? length : utf8Bytes().length;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof InferenceResponse that) || perfNs != that.perfNs || kind != that.kind
                || serverSentNs != that.serverSentNs) {
            return false;
        }
        if (bytes != null && that.bytes != null) {
            return Arrays.equals(bytes, offset, offset + length, that.bytes, that.offset, that.offset + that.length);
        }
        return Objects.equals(text(), that.text());
    }

    @Override
    public int hashCode() {
        return Objects.hash(perfNs, kind, text());
    }

    @Override
    public String toString() {
        return "InferenceResponse[perfNs=" + perfNs + ", kind=" + kind + ", text=" + text() + "]";
    }
}
