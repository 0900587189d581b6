package dev.aiperf.export;

/**
 * One reused builder per thread for the per-request lines: a line of {@code profile_export.jsonl} is 2-3 KB
 * (more with {@code trace_data}), and a fresh builder per record grew and copied itself two or three times
 * before the line was done. Take, write the line, release; no nesting within one thread.
 */
final class LineBuffer {
    /** A builder grown past this by an unusually long line is not kept. */
    private static final int MAX_KEPT_CHARS = 256 * 1024;
    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(4096));

    private LineBuffer() {
    }

    /** This thread's builder, emptied. */
    static StringBuilder take() {
        StringBuilder out = BUFFER.get();
        out.setLength(0);
        return out;
    }

    /** The line written to {@code out}, a builder from {@link #take}, which may then be reused. */
    static String release(StringBuilder out) {
        String line = out.toString();
        if (out.capacity() > MAX_KEPT_CHARS) {
            BUFFER.set(new StringBuilder(4096));
        }
        return line;
    }
}
