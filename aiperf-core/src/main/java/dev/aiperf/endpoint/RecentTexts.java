package dev.aiperf.endpoint;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * The short texts one thread's chunks carried lately, by their bytes: a direct-mapped table whose slot is a
 * hash of the bytes and holds the last text that fell into it. A streamed token is a word or two, and words
 * repeat, so most chunk texts are found here and cost no new string (the string per chunk was the largest
 * remaining share of the chunk scan, bench/README.md "Records path"). The strings are shared: they are
 * immutable. One per thread: not thread-safe.
 */
final class RecentTexts {
    /** Longer texts are made anew each time: rarely repeated, and comparing them costs what copying does. */
    static final int MAX_BYTES = 32;
    private static final int SLOTS = 1 << 10;

    private final byte[][] bytes = new byte[SLOTS][];
    private final String[] texts = new String[SLOTS];

    /** The text of well-formed {@code b[from, to)} in {@code charset} (ISO-8859-1 for ASCII, or UTF-8). */
    String text(byte[] b, int from, int to, Charset charset) {
        int n = to - from;
        if (n > MAX_BYTES) {
            return new String(b, from, n, charset);
        }
        int h = n;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 10)) & (SLOTS - 1);
        byte[] known = bytes[slot];
        if (known != null && sameBytes(known, b, from, n)) {
            return texts[slot]; // the scan picks the charset from the bytes: the same bytes, the same charset
        }
        String text = new String(b, from, n, charset);
        bytes[slot] = Arrays.copyOfRange(b, from, to);
        texts[slot] = text;
        return text;
    }

    /** A plain loop: for a few bytes the vectorised {@link Arrays#equals} costs more than it saves (JFR). */
    private static boolean sameBytes(byte[] known, byte[] b, int from, int n) {
        if (known.length != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (known[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }
}
