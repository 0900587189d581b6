package dev.aiperf.mock;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the JSON of one chat or text completion, streamed or whole, straight into {@link ByteBuf}s from pre-encoded
 * pieces: the parts shared by every response are constants, the parts of this response (id, model, usage) are
 * encoded once when it starts, and tokens come JSON-escaped from the {@link TokenCorpus}.
 *
 * <p>Chunks follow the original tool: reasoning deltas carry {@code "role":"assistant"} and
 * {@code reasoning_content}; the first content delta carries the role only when there was no reasoning; the last
 * content chunk carries {@code finish_reason}. A malformed chunk or body is the same JSON without its final brace.
 */
final class CompletionEncoder implements StreamEncoder {

    static final byte[] DONE = ascii("data: [DONE]\n\n");
    /**
     * Every streamed event starts with the comment {@code : t=<nanos>\n}, the {@link System#nanoTime()} at which
     * the server sent it. SSE clients ignore comment lines, so what they parse is unchanged; a client on the same
     * Linux machine reads the same monotonic clock and can measure how late it saw each event.
     */
    private static final byte[] STAMP_OPEN = ascii(": t=");
    /** {@code ": t="}, at most 19 digits of a non-negative long, a newline. */
    static final int STAMP_SIZE = STAMP_OPEN.length + 19 + 1;
    private static final byte[] EVENT_END = ascii("\n\n");

    private static final byte[] REASONING_OPEN =
            ascii("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"reasoning_content\":");
    private static final byte[] FIRST_CONTENT_OPEN =
            ascii("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":");
    private static final byte[] CONTENT_OPEN = ascii("{\"index\":0,\"delta\":{\"content\":");
    private static final byte[] DELTA_CLOSE = ascii("}}]}");
    private static final byte[] DELTA_CLOSE_LENGTH = ascii("},\"finish_reason\":\"length\"}]}");
    private static final byte[] DELTA_CLOSE_STOP = ascii("},\"finish_reason\":\"stop\"}]}");
    private static final byte[] TEXT_OPEN = ascii("{\"index\":0,\"text\":");
    private static final byte[] TEXT_CLOSE = ascii("}]}");
    private static final byte[] TEXT_CLOSE_LENGTH = ascii(",\"finish_reason\":\"length\"}]}");
    private static final byte[] TEXT_CLOSE_STOP = ascii(",\"finish_reason\":\"stop\"}]}");
    private static final byte[] USAGE_CHUNK_MIDDLE = ascii("],\"usage\":");

    private final TokenCorpus corpus;
    private final OutputPlan plan;
    private final boolean chat;
    private final String id;
    private final long created;
    private final byte[] quotedModel;
    private final byte[] usage;
    /** {@code data: {"id":…,"object":…,"created":…,"model":…,"choices":[}: the start of every streamed chunk. */
    private byte[] streamHead;

    CompletionEncoder(TokenCorpus corpus, OutputPlan plan, InferenceRequest.Kind kind, byte[] quotedModel) {
        this.corpus = corpus;
        this.plan = plan;
        this.chat = kind == InferenceRequest.Kind.CHAT;
        this.id = (chat ? "chatcmpl-" : "cmpl-") + randomUuid();
        this.created = System.currentTimeMillis() / 1000;
        this.quotedModel = quotedModel;
        this.usage = usageJson(plan);
    }

    OutputPlan plan() {
        return plan;
    }

    @Override
    public int eventCount() {
        return plan.totalTokens();
    }

    /** The whole {@code chat.completion} or {@code text_completion} body. */
    @Override
    public ByteBuf body(ByteBufAllocator alloc, boolean malformed) {
        long contentLength = corpus.escapedRunLength(plan.contentStart(), plan.contentTokens());
        long reasoningLength = plan.reasoningTokens() == 0 ? 0
                : corpus.escapedRunLength(plan.reasoningStart(), plan.reasoningTokens()) + 24;
        ByteBuf out = alloc.buffer((int) Math.min(Integer.MAX_VALUE - 1, 256 + contentLength + reasoningLength));
        out.writeCharSequence("{\"id\":\"" + id + "\",\"object\":\"" + (chat ? "chat.completion" : "text_completion")
                + "\",\"created\":" + created + ",\"model\":", StandardCharsets.US_ASCII);
        out.writeBytes(quotedModel);
        out.writeCharSequence(",\"choices\":[{\"index\":0,\"finish_reason\":\"" + plan.finishReason() + "\","
                + (chat ? "\"message\":{\"role\":\"assistant\",\"content\":\"" : "\"text\":\""),
                StandardCharsets.US_ASCII);
        corpus.writeEscapedRun(out, plan.contentStart(), plan.contentTokens());
        out.writeByte('"');
        if (chat && plan.reasoningTokens() > 0) {
            out.writeCharSequence(",\"reasoning_content\":\"", StandardCharsets.US_ASCII);
            corpus.writeEscapedRun(out, plan.reasoningStart(), plan.reasoningTokens());
            out.writeByte('"');
        }
        out.writeCharSequence(chat ? "}}],\"usage\":" : "}],\"usage\":", StandardCharsets.US_ASCII);
        out.writeBytes(usage);
        if (!malformed) {
            out.writeByte('}');
        }
        return out;
    }

    /** Upper bound of the bytes {@link #writeTokenEvent} writes for token {@code k}. */
    @Override
    public int tokenEventSize(int k) {
        return STAMP_SIZE + streamHead().length + FIRST_CONTENT_OPEN.length + corpus.quotedLength(corpusIndex(k))
                + DELTA_CLOSE_LENGTH.length + EVENT_END.length;
    }

    /** Writes the server-sent event of streamed token {@code k} (reasoning tokens first, then content). */
    @Override
    public void writeTokenEvent(ByteBuf out, int k, boolean malformed, byte[] stamp) {
        writeStamp(out, stamp);
        out.writeBytes(streamHead());
        boolean reasoning = k < plan.reasoningTokens();
        boolean last = k == plan.totalTokens() - 1;
        byte[] close;
        if (chat) {
            if (reasoning) {
                out.writeBytes(REASONING_OPEN);
            } else {
                out.writeBytes(k == 0 ? FIRST_CONTENT_OPEN : CONTENT_OPEN);
            }
            close = !last || reasoning ? DELTA_CLOSE : finishReasonIsLength() ? DELTA_CLOSE_LENGTH : DELTA_CLOSE_STOP;
        } else {
            out.writeBytes(TEXT_OPEN);
            close = !last ? TEXT_CLOSE : finishReasonIsLength() ? TEXT_CLOSE_LENGTH : TEXT_CLOSE_STOP;
        }
        corpus.writeQuoted(out, corpusIndex(k));
        out.writeBytes(close, 0, malformed ? close.length - 1 : close.length);
        out.writeBytes(EVENT_END);
    }

    /** Upper bound of the bytes {@link #writeEnd} writes. */
    @Override
    public int endSize(boolean includeUsage) {
        return 2 * STAMP_SIZE + DONE.length + (includeUsage ? streamHead().length + USAGE_CHUNK_MIDDLE.length + usage.length + 3 : 0);
    }

    /** Writes the end of a stream: the usage chunk ({@code "choices":[]}) when asked for, then {@code [DONE]}. */
    @Override
    public void writeEnd(ByteBuf out, boolean includeUsage, boolean malformedUsage, byte[] stamp) {
        if (includeUsage) {
            writeStamp(out, stamp);
            out.writeBytes(streamHead()).writeBytes(USAGE_CHUNK_MIDDLE).writeBytes(usage);
            if (!malformedUsage) {
                out.writeByte('}');
            }
            out.writeBytes(EVENT_END);
        }
        writeStamp(out, stamp);
        out.writeBytes(DONE);
    }

    /** The digits of a send stamp, made once per write and shared by the events it carries. */
    static byte[] stamp(long nanos) {
        return ascii(Long.toString(nanos));
    }

    static void writeStamp(ByteBuf out, byte[] stamp) {
        out.writeBytes(STAMP_OPEN).writeBytes(stamp).writeByte('\n');
    }

    private int corpusIndex(int k) {
        int reasoningTokens = plan.reasoningTokens();
        return k < reasoningTokens
                ? (plan.reasoningStart() + k) % corpus.size()
                : (plan.contentStart() + k - reasoningTokens) % corpus.size();
    }

    private boolean finishReasonIsLength() {
        return "length".equals(plan.finishReason());
    }

    private byte[] streamHead() {
        if (streamHead == null) {
            String object = chat ? "chat.completion.chunk" : "text_completion";
            byte[] start = ascii("data: {\"id\":\"" + id + "\",\"object\":\"" + object + "\",\"created\":" + created
                    + ",\"model\":");
            byte[] end = ascii(",\"choices\":[");
            byte[] head = new byte[start.length + quotedModel.length + end.length];
            System.arraycopy(start, 0, head, 0, start.length);
            System.arraycopy(quotedModel, 0, head, start.length, quotedModel.length);
            System.arraycopy(end, 0, head, start.length + quotedModel.length, end.length);
            streamHead = head;
        }
        return streamHead;
    }

    /** {@code prompt_tokens}, {@code completion_tokens} (content + reasoning), {@code total_tokens}. */
    static byte[] usageJson(OutputPlan plan) {
        int completion = plan.completionTokens();
        String json = "{\"prompt_tokens\":" + plan.promptTokens() + ",\"completion_tokens\":" + completion
                + ",\"total_tokens\":" + (plan.promptTokens() + completion)
                + (plan.reasoningTokens() > 0
                        ? ",\"completion_tokens_details\":{\"reasoning_tokens\":" + plan.reasoningTokens() + "}"
                        : "")
                + "}";
        return ascii(json);
    }

    /** A version-4 UUID from the thread's generator: unique enough for ids, without SecureRandom's cost. */
    static String randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
