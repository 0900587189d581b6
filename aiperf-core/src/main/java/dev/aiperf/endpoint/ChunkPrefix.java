package dev.aiperf.endpoint;

import java.util.Arrays;

/**
 * The bytes a stream's chunks share before their text, as the last chunk that reached a text slot had them,
 * and what reading those bytes left behind: {@code {"id":"chatcmpl-1","object":"chat.completion.chunk",
 * "created":1764770000,"model":"m","choices":[{"index":0,"delta":{"content":} and the {@code object} read on
 * the way.
 *
 * <p>Why (bench/README.md, "Records path, evening"): every chunk of a stream repeats the same head (id,
 * object, created, model, index), and reading it key by key was most of the chunk scan. A chunk that starts
 * with exactly these bytes leaves the scan in exactly the state it left the last time, since the scan is a
 * function of the bytes it has read; so one vectorised comparison ({@link Arrays#equals(byte[], int, int,
 * byte[], int, int)}) replaces the head's reading, and the scan resumes at the text. Each remembered head ends
 * where a value starts, after every token before it was closed, so no limit of the scan (names, strings, the
 * end of the text) reads it differently in a longer chunk.
 *
 * <p>Only heads whose reading set nothing but {@code object} are remembered (no {@code usage}, no other text
 * slot before this one), so resuming needs no other state. One per thread: not thread-safe.
 */
final class ChunkPrefix {

    /** Where the remembered head stops: at the value of one of these slots. */
    static final int DELTA_CONTENT = 0;
    static final int DELTA_REASONING_CONTENT = 1;
    static final int DELTA_REASONING = 2;
    static final int CHOICE_TEXT = 3;

    private static final int MAX_BYTES = 4096;

    private byte[] bytes = new byte[256];
    private int length; // 0: nothing remembered
    private String object;
    private int slot;
    /**
     * The rest of a chunk after its text, as the last resumed chunk whose rest set nothing had it ({@code "},
     * "finish_reason":null}]}}); -1 when none is known for this head. A chunk with the same head, then any text,
     * then exactly these bytes reads as that chunk did after its text: nothing more.
     */
    private byte[] tail = new byte[64];
    private int tailLength = -1;

    /** Whether {@code b[from, to)} starts with the remembered head and has at least one byte after it. */
    boolean matches(byte[] b, int from, int to) {
        int n = length;
        return n > 0 && to - from > n && Arrays.equals(b, from, from + n, bytes, 0, n);
    }

    /** Remembers {@code b[from, valueFrom)}, a head read up to a text slot's value, and the {@code object} it set. */
    void remember(byte[] b, int from, int valueFrom, String object, int slot) {
        int n = valueFrom - from;
        if (n > MAX_BYTES) {
            length = 0;
            return;
        }
        if (n > bytes.length) {
            bytes = new byte[Math.max(n, bytes.length * 2)];
        }
        System.arraycopy(b, from, bytes, 0, n);
        this.length = n;
        this.tailLength = -1; // a rest read after another head, or another slot, is not this head's
        this.object = object;
        this.slot = slot;
    }

    /** Whether {@code b[from, to)} is exactly the remembered rest. */
    boolean tailMatches(byte[] b, int from, int to) {
        int n = tailLength;
        return n >= 0 && to - from == n && Arrays.equals(b, from, to, tail, 0, n);
    }

    /** Remembers {@code b[from, to)}, the rest of a resumed chunk after its text, whose reading set nothing. */
    void rememberTail(byte[] b, int from, int to) {
        int n = to - from;
        if (n > MAX_BYTES) {
            tailLength = -1;
            return;
        }
        if (n > tail.length) {
            tail = new byte[Math.max(n, tail.length * 2)];
        }
        System.arraycopy(b, from, tail, 0, n);
        tailLength = n;
    }

    /** The remembered rest's length, or -1 (tests). */
    int tailLength() {
        return tailLength;
    }

    int length() {
        return length;
    }

    String object() {
        return object;
    }

    int slot() {
        return slot;
    }
}
