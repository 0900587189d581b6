package dev.aiperf.mock;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;

import java.util.concurrent.TimeUnit;

/**
 * Streams one completion as server-sent events on its channel's event loop. Token {@code k} is due at
 * {@code arrival + ttft + k·itl} (from the first token's actual send, when that was late), an absolute time, so
 * lateness never accumulates: each wake-up writes every token
 * that is due as one HTTP chunk, flushes, and schedules itself for the next one. No thread sleeps and none is held
 * per request; in fast mode the stream goes out in writes of up to 1024 tokens. While the client reads slower than
 * we write, nothing more is queued for it.
 */
final class TokenStreamer implements Runnable {

    /** Most tokens written in one go, so a long fast-mode stream neither hogs its event loop nor one huge buffer. */
    private static final int MAX_TOKENS_PER_WRITE = 1024;
    /** How soon to look again when the client reads slower than we write (TCP backpressure). */
    private static final long BACKPRESSURE_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ChannelHandlerContext ctx;
    private final StreamEncoder encoder;
    private final ResponseCompletion completion;
    private final SeededChance malformed;
    private final double malformedPercent;
    private final int truncateAfter;
    private final boolean includeUsage;
    /** The request as the server's load counts it ({@code /metrics}); null for what is not counted (images). */
    private final ServerLoad.Ticket ticket;
    private final boolean endsAtLength;
    /** When token 0 is due; moved once, to the actual first write when that was late (see {@link #run}). */
    private long firstTokenNanos;
    private final long itlNanos;
    private final int total;
    private int next;

    /** Called once the last write of a response is issued, so the connection can serve its next request. */
    interface ResponseCompletion {
        void responseWritten(ChannelFuture lastWrite);
    }

    TokenStreamer(ChannelHandlerContext ctx, ServerContext server, StreamEncoder encoder, boolean includeUsage,
                  long arrivalNanos, ResponseCompletion completion, ServerLoad.Ticket ticket, boolean endsAtLength) {
        this.ticket = ticket;
        this.endsAtLength = endsAtLength;
        this.ctx = ctx;
        this.encoder = encoder;
        this.completion = completion;
        this.malformed = server.malformed;
        this.malformedPercent = server.config.faults().malformedJsonRatePercent();
        this.truncateAfter = server.config.faults().truncateStreamAfterChunks();
        this.includeUsage = includeUsage;
        this.firstTokenNanos = arrivalNanos + server.config.effectiveTtftNanos();
        this.itlNanos = server.config.effectiveItlNanos();
        this.total = encoder.eventCount();
    }

    /** Starts after the response headers have been written (not necessarily flushed). */
    void start() {
        if (truncateAfter == 0) {
            if (ticket != null) {
                ticket.aborted();
            }
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        long delay = firstTokenNanos - System.nanoTime();
        if (delay > 0) {
            ctx.flush();
            ctx.executor().schedule(this, delay, TimeUnit.NANOSECONDS);
        } else {
            run();
        }
    }

    @Override
    public void run() {
        if (!ctx.channel().isActive()) {
            if (ticket != null) {
                ticket.aborted();
            }
            return;
        }
        if (!ctx.channel().isWritable()) {
            ctx.executor().schedule(this, BACKPRESSURE_RETRY_NANOS, TimeUnit.NANOSECONDS);
            return;
        }
        long now = System.nanoTime();
        int due = Math.min(dueCount(now), MAX_TOKENS_PER_WRITE);
        if (next == 0 && itlNanos > 0) {
            due = Math.min(due, 1); // the first token alone: the rest are due itl apart from its actual send
        }
        boolean truncates = truncateAfter > 0 && next + due >= truncateAfter;
        if (truncates) {
            due = truncateAfter - next;
        }
        boolean ends = !truncates && next + due == total;
        ByteBuf out = null;
        byte[] stamp = null;
        if (due > 0 || ends) {
            int capacity = due * (next < total ? encoder.tokenEventSize(next) : 0)
                    + (ends ? encoder.endSize(includeUsage) : 0);
            out = ctx.alloc().buffer(Math.max(capacity, 64));
            long sentNanos = System.nanoTime();
            stamp = CompletionEncoder.stamp(sentNanos);
            if (next == 0 && due > 0) {
                reanchor(sentNanos);
            }
            for (int i = 0; i < due; i++) {
                encoder.writeTokenEvent(out, next++, malformed.hit(malformedPercent), stamp);
            }
            if (ticket != null) {
                ticket.tokensSent(due, sentNanos);
            }
        }
        if (truncates) {
            // The fault: cut the connection after the N-th chunk, with no [DONE] and no terminating HTTP chunk.
            if (ticket != null) {
                ticket.aborted();
            }
            ctx.writeAndFlush(new DefaultHttpContent(out)).addListener(ChannelFutureListener.CLOSE);
        } else if (ends) {
            encoder.writeEnd(out, includeUsage, includeUsage && malformed.hit(malformedPercent), stamp);
            if (ticket != null) {
                ticket.finished(System.nanoTime(), endsAtLength);
            }
            completion.responseWritten(ctx.writeAndFlush(new DefaultLastHttpContent(out)));
        } else {
            if (out != null) {
                ctx.writeAndFlush(new DefaultHttpContent(out));
            }
            long delay = dueNanos(next) - now;
            if (delay > 0) {
                ctx.executor().schedule(this, delay, TimeUnit.NANOSECONDS);
            } else {
                ctx.executor().execute(this); // more tokens are due: after the other connections had a turn
            }
        }
    }

    /**
     * A first token sent late (the event loop woke late, the JVM paused) moves the schedule of the rest with it:
     * token {@code k} is then due {@code k·itl} after the first went out. Kept on the arrival-based schedule
     * instead, the following tokens would catch up and the stream would show a late first token and then an ITL
     * shorter than configured (measured before this: 4.78 ms for 5 ms). Later tokens stay on this one absolute
     * schedule, so their own lateness never accumulates.
     */
    private void reanchor(long sentNanos) {
        if (itlNanos > 0 && sentNanos > firstTokenNanos) {
            firstTokenNanos = sentNanos;
        }
    }

    /** How many of the remaining tokens are due at {@code now}. */
    private int dueCount(long now) {
        int remaining = total - next;
        if (remaining == 0 || now < dueNanos(next)) {
            return 0;
        }
        if (itlNanos == 0) {
            return remaining;
        }
        long lateBy = now - dueNanos(next);
        return (int) Math.min(remaining, lateBy / itlNanos + 1);
    }

    private long dueNanos(int k) {
        return firstTokenNanos + k * itlNanos;
    }
}
