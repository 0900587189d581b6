package dev.aiperf.mock;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Writes the server-sent events of one streamed answer, for {@link TokenStreamer}: event {@code k} is due at
 * {@code start + ttft + k·itl}, then the end of the stream. Each API has its own wire format.
 */
interface StreamEncoder {

    /** The whole answer, for a request that did not ask for a stream; a malformed one lacks its final brace. */
    ByteBuf body(ByteBufAllocator alloc, boolean malformed);

    /** How many timed events the stream has (tokens, or images for an image stream). */
    int eventCount();

    /** Upper bound of the bytes {@link #writeTokenEvent} writes for event {@code k}. */
    int tokenEventSize(int k);

    /** Writes event {@code k}; a malformed one is its JSON without the final brace. */
    void writeTokenEvent(ByteBuf out, int k, boolean malformed, byte[] stamp);

    /** Upper bound of the bytes {@link #writeEnd} writes. */
    int endSize(boolean includeUsage);

    /** Writes what follows the last event (a usage event, {@code [DONE]}), possibly nothing. */
    void writeEnd(ByteBuf out, boolean includeUsage, boolean malformedUsage, byte[] stamp);
}
