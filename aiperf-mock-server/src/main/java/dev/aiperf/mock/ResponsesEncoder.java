package dev.aiperf.mock;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.charset.StandardCharsets;

/**
 * Writes an OpenAI Responses API answer ({@code POST /v1/responses}), whole or streamed. A stream is the API's typed
 * events: {@code response.created}, one {@code response.reasoning_text.delta} per reasoning token, one
 * {@code response.output_text.delta} per content token, then {@code response.completed} carrying the whole response
 * with its {@code usage} (the Responses API always reports usage, and sends no {@code [DONE]}).
 */
final class ResponsesEncoder implements StreamEncoder {

    private static final byte[] EVENT_END = CompletionEncoder.ascii("\n\n");

    private final TokenCorpus corpus;
    private final OutputPlan plan;
    private final String id;
    private final long created;
    private final String quotedModel;

    ResponsesEncoder(TokenCorpus corpus, OutputPlan plan, byte[] quotedModel) {
        this.corpus = corpus;
        this.plan = plan;
        this.id = CompletionEncoder.randomUuid().replace("-", "");
        this.created = System.currentTimeMillis() / 1000;
        this.quotedModel = new String(quotedModel, StandardCharsets.UTF_8);
    }

    @Override
    public int eventCount() {
        return plan.totalTokens();
    }

    /** The whole {@code "object":"response"} body. */
    @Override
    public ByteBuf body(ByteBufAllocator alloc, boolean malformed) {
        String json = response("completed");
        ByteBuf out = alloc.buffer(json.length() * 2);
        out.writeCharSequence(malformed ? json.substring(0, json.length() - 1) : json, StandardCharsets.UTF_8);
        return out;
    }

    @Override
    public int tokenEventSize(int k) {
        int created = k == 0 ? CompletionEncoder.STAMP_SIZE + 512 + quotedModel.length() : 0;
        return created + CompletionEncoder.STAMP_SIZE + 256 + corpus.quotedLength(corpusIndex(k));
    }

    @Override
    public void writeTokenEvent(ByteBuf out, int k, boolean malformed, byte[] stamp) {
        if (k == 0) {
            writeEvent(out, stamp, "response.created", "{\"type\":\"response.created\",\"sequence_number\":0,"
                    + "\"response\":" + response("in_progress") + "}", false);
        }
        boolean reasoning = k < plan.reasoningTokens();
        String type = reasoning ? "response.reasoning_text.delta" : "response.output_text.delta";
        String head = "{\"type\":\"" + type + "\",\"sequence_number\":" + (k + 1) + ",\"item_id\":\""
                + (reasoning ? "rs_" : "msg_") + id + "\",\"output_index\":"
                + (reasoning || plan.reasoningTokens() == 0 ? 0 : 1) + ",\"content_index\":0,\"delta\":";
        CompletionEncoder.writeStamp(out, stamp);
        out.writeCharSequence("event: " + type + "\ndata: " + head, StandardCharsets.UTF_8);
        corpus.writeQuoted(out, corpusIndex(k));
        if (!malformed) {
            out.writeByte('}');
        }
        out.writeBytes(EVENT_END);
    }

    @Override
    public int endSize(boolean includeUsage) {
        return (int) Math.min(Integer.MAX_VALUE / 2, CompletionEncoder.STAMP_SIZE + 1024 + quotedModel.length()
                + corpus.escapedRunLength(plan.contentStart(), plan.contentTokens())
                + corpus.escapedRunLength(plan.reasoningStart(), plan.reasoningTokens()));
    }

    @Override
    public void writeEnd(ByteBuf out, boolean includeUsage, boolean malformedUsage, byte[] stamp) {
        writeEvent(out, stamp, "response.completed", "{\"type\":\"response.completed\",\"sequence_number\":"
                + (plan.totalTokens() + 1) + ",\"response\":" + response("completed") + "}", malformedUsage);
    }

    private static void writeEvent(ByteBuf out, byte[] stamp, String type, String json, boolean malformed) {
        CompletionEncoder.writeStamp(out, stamp);
        out.writeCharSequence("event: " + type + "\ndata: ", StandardCharsets.UTF_8);
        out.writeCharSequence(malformed ? json.substring(0, json.length() - 1) : json, StandardCharsets.UTF_8);
        out.writeBytes(EVENT_END);
    }

    /** The response object; its output and usage only once it is complete, as the API sends them. */
    private String response(String status) {
        boolean done = status.equals("completed");
        StringBuilder json = new StringBuilder(256).append("{\"id\":\"resp_").append(id)
                .append("\",\"object\":\"response\",\"created_at\":").append(created).append(",\"status\":\"")
                .append(status).append("\",\"model\":").append(quotedModel).append(",\"output\":[");
        if (done) {
            if (plan.reasoningTokens() > 0) {
                json.append("{\"type\":\"reasoning\",\"id\":\"rs_").append(id)
                        .append("\",\"summary\":[],\"content\":[{\"type\":\"reasoning_text\",\"text\":\"")
                        .append(escaped(plan.reasoningStart(), plan.reasoningTokens())).append("\"}]},");
            }
            json.append("{\"type\":\"message\",\"id\":\"msg_").append(id)
                    .append("\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\","
                            + "\"text\":\"").append(escaped(plan.contentStart(), plan.contentTokens()))
                    .append("\",\"annotations\":[]}]}");
        }
        json.append("],\"usage\":");
        if (done) {
            int output = plan.completionTokens();
            json.append("{\"input_tokens\":").append(plan.promptTokens())
                    .append(",\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":").append(output)
                    .append(",\"output_tokens_details\":{\"reasoning_tokens\":").append(plan.reasoningTokens())
                    .append("},\"total_tokens\":").append(plan.promptTokens() + output).append('}');
        } else {
            json.append("null");
        }
        return json.append('}').toString();
    }

    private String escaped(int start, int count) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(corpus.text(start, count)));
    }

    private int corpusIndex(int k) {
        int reasoningTokens = plan.reasoningTokens();
        return k < reasoningTokens
                ? (plan.reasoningStart() + k) % corpus.size()
                : (plan.contentStart() + k - reasoningTokens) % corpus.size();
    }
}
