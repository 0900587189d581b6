package dev.aiperf.mock;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.charset.StandardCharsets;

/**
 * Writes a Hugging Face TGI answer: {@code POST /generate} gives {@code {"generated_text": …}};
 * {@code POST /generate_stream} gives one {@code data: {"index","token":{…},"generated_text":null,"details":null}}
 * event per token, the last one carrying the whole {@code generated_text} and its {@code details}, and no
 * {@code [DONE]} (TGI sends none).
 */
final class GenerateEncoder implements StreamEncoder {

    private static final byte[] EVENT_END = CompletionEncoder.ascii("\n\n");

    private final TokenCorpus corpus;
    private final OutputPlan plan;

    GenerateEncoder(TokenCorpus corpus, OutputPlan plan) {
        this.corpus = corpus;
        this.plan = plan;
    }

    @Override
    public int eventCount() {
        return plan.contentTokens();
    }

    @Override
    public ByteBuf body(ByteBufAllocator alloc, boolean malformed) {
        String json = "{\"generated_text\":\"" + generatedText() + "\"}";
        ByteBuf out = alloc.buffer(json.length() * 2);
        out.writeCharSequence(malformed ? json.substring(0, json.length() - 1) : json, StandardCharsets.UTF_8);
        return out;
    }

    @Override
    public int tokenEventSize(int k) {
        long last = k == plan.contentTokens() - 1
                ? corpus.escapedRunLength(plan.contentStart(), plan.contentTokens()) + 128 : 0;
        return (int) Math.min(Integer.MAX_VALUE / 2, CompletionEncoder.STAMP_SIZE + 160 + last
                + corpus.quotedLength((plan.contentStart() + k) % corpus.size()));
    }

    @Override
    public void writeTokenEvent(ByteBuf out, int k, boolean malformed, byte[] stamp) {
        boolean last = k == plan.contentTokens() - 1;
        CompletionEncoder.writeStamp(out, stamp);
        out.writeCharSequence("data: {\"index\":" + k + ",\"token\":{\"id\":" + k + ",\"text\":",
                StandardCharsets.US_ASCII);
        corpus.writeQuoted(out, (plan.contentStart() + k) % corpus.size());
        String tail = ",\"logprob\":-0.1,\"special\":false},\"generated_text\":"
                + (last ? "\"" + generatedText() + "\",\"details\":{\"finish_reason\":\""
                        + ("length".equals(plan.finishReason()) ? "length" : "eos_token") + "\",\"generated_tokens\":"
                        + plan.contentTokens() + ",\"seed\":null}}"
                        : "null,\"details\":null}");
        out.writeCharSequence(malformed ? tail.substring(0, tail.length() - 1) : tail, StandardCharsets.UTF_8);
        out.writeBytes(EVENT_END);
    }

    @Override
    public int endSize(boolean includeUsage) {
        return 0;
    }

    @Override
    public void writeEnd(ByteBuf out, boolean includeUsage, boolean malformedUsage, byte[] stamp) {
        // TGI ends its stream with the last token event
    }

    private String generatedText() {
        return new String(JsonStringEncoder.getInstance().quoteAsString(
                corpus.text(plan.contentStart(), plan.contentTokens())));
    }
}
