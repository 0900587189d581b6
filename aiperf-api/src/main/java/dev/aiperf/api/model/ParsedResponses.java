package dev.aiperf.api.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The parsed responses of one request, kept as what the metrics read: arrival times, which responses have
 * content, their texts and usage, in arrays. An endpoint that reads text responses hands each response's texts
 * to a {@link Builder} and no {@link ParsedResponse} or {@link ResponseData} is made per streamed chunk
 * (issue 12: those were a third of what the records thread allocated per request); the objects are made on
 * first {@link #get}, all at once, for a reader that asks for them.
 *
 * <p>As a {@code List} it is immutable and equal to the list of the {@link ParsedResponse}s it describes.
 * Readers that need only times, flags or the joined texts use the indexed accessors ({@link #perfNs(int)},
 * {@link #hasContent(int)}, {@link #outputText()}, ...) and make no objects. Safe to share between threads.
 */
public final class ParsedResponses extends AbstractList<ParsedResponse> implements RandomAccess {

    private static final byte CONTENT = 1;
    private static final byte OUTPUT = 2;
    private static final byte GIVEN = 4;
    /** Given data that is neither text nor reasoning (images, embeddings, rankings). */
    private static final byte OTHER_DATA = 8;

    private static final ParsedResponses EMPTY = new ParsedResponses(new long[0], new byte[0], new String[0], null,
            null, null, 0, null, null, 0);

    private final long[] perfNs;
    /** Per response: {@link #CONTENT} when its data is non-null, {@link #OUTPUT} when its output text is non-empty. */
    private final byte[] flags;
    /** Per response: its output text ({@link ResponseData#outputText()}), or null when it has no data. */
    private final String[] outputs;
    /** Per response: its reasoning text, or null; the array is null when no response has one. */
    private final String[] reasonings;
    /**
     * The responses that have a usage, by index in ascending order, and their usages: few (a stream has one, in its
     * last chunks), so two short arrays rather than one slot per response. Null when none has one.
     */
    private final int[] usageAt;
    private final JsonNode[] usages;
    private final int usageCount;
    /** Responses handed in as objects ({@link Builder#add(ParsedResponse)}), by index; null when none was. */
    private final ParsedResponse[] given;
    /** For a subset ({@link #content()}): the index of each of its responses in the arrays; null for all of them. */
    private final int[] positions;
    private final int size;
    /** Made on first use; a race only makes equal ones twice. */
    private volatile ParsedResponse[] made;
    private volatile String joinedOutput;
    private volatile String joinedReasoning;
    private volatile ParsedResponses content;

    private ParsedResponses(long[] perfNs, byte[] flags, String[] outputs, String[] reasonings, int[] usageAt,
                            JsonNode[] usages, int usageCount, ParsedResponse[] given, int[] positions, int size) {
        this.perfNs = perfNs;
        this.flags = flags;
        this.outputs = outputs;
        this.reasonings = reasonings;
        this.usageAt = usageAt;
        this.usages = usages;
        this.usageCount = usageCount;
        this.given = given;
        this.positions = positions;
        this.size = size;
    }

    /** No responses. */
    public static ParsedResponses empty() {
        return EMPTY;
    }

    /** {@code responses} itself when it is a {@code ParsedResponses}, else an immutable copy (no null elements). */
    public static ParsedResponses copyOf(List<ParsedResponse> responses) {
        if (responses instanceof ParsedResponses parsed) {
            return parsed;
        }
        Builder builder = new Builder(responses.size());
        for (int i = 0; i < responses.size(); i++) {
            builder.add(Objects.requireNonNull(responses.get(i), "response"));
        }
        return builder.build();
    }

    /** A builder for about {@code expected} responses (it grows past that). */
    public static Builder builder(int expected) {
        return new Builder(expected);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public ParsedResponse get(int index) {
        Objects.checkIndex(index, size);
        ParsedResponse[] responses = made;
        if (responses == null) {
            responses = new ParsedResponse[size];
            for (int i = 0; i < size; i++) {
                responses[i] = make(at(i));
            }
            made = responses;
        }
        return responses[index];
    }

    private ParsedResponse make(int i) {
        if ((flags[i] & GIVEN) != 0) {
            return given[i];
        }
        String reasoning = reasonings == null ? null : reasonings[i];
        String output = outputs[i];
        ResponseData data = reasoning != null ? new ResponseData.Reasoning(output.isEmpty() ? null : output, reasoning)
                : output != null ? new ResponseData.Text(output) : null;
        return new ParsedResponse(perfNs[i], data, usageOf(i));
    }

    /** The arrival time of response {@code index} ({@link ParsedResponse#perfNs()}). */
    public long perfNs(int index) {
        return perfNs[at(Objects.checkIndex(index, size))];
    }

    /** Whether response {@code index} is a content response ({@link ParsedResponse#hasContent()}). */
    public boolean hasContent(int index) {
        return (flags[at(Objects.checkIndex(index, size))] & CONTENT) != 0;
    }

    /** Whether response {@code index} has content whose {@link ResponseData#outputText()} is not empty. */
    public boolean hasOutputText(int index) {
        return (flags[at(Objects.checkIndex(index, size))] & OUTPUT) != 0;
    }

    /**
     * Whether response {@code index}'s data is other than {@link ResponseData.Text}, {@link ResponseData.Reasoning}
     * or null (images, embeddings, rankings): a reader looking for such data needs to make only those objects.
     */
    public boolean hasOtherData(int index) {
        return (flags[at(Objects.checkIndex(index, size))] & OTHER_DATA) != 0;
    }

    /** The usage of response {@code index} ({@link ParsedResponse#usage()}), or null. */
    public JsonNode usage(int index) {
        return usageOf(at(Objects.checkIndex(index, size)));
    }

    /** The usage of the response at {@code i} in the arrays: a search of the few that have one, from the last. */
    private JsonNode usageOf(int i) {
        for (int u = usageCount - 1; u >= 0; u--) {
            int at = usageAt[u];
            if (at == i) {
                return usages[u];
            }
            if (at < i) {
                break;
            }
        }
        return null;
    }

    /** The {@link ResponseData#outputText()} of every content response, in order, joined without a separator. */
    public String outputText() {
        String joined = joinedOutput;
        if (joined == null) {
            joined = join(outputs);
            joinedOutput = joined;
        }
        return joined;
    }

    /** The {@link ResponseData#reasoningText()} of every content response, in order, joined without a separator. */
    public String reasoningText() {
        String joined = joinedReasoning;
        if (joined == null) {
            joined = reasonings == null ? "" : join(reasonings);
            joinedReasoning = joined;
        }
        return joined;
    }

    /** Joined at its exact length (grown from 16 it copied itself five times a record). */
    private String join(String[] texts) {
        int length = 0;
        String only = "";
        int parts = 0;
        for (int n = 0; n < size; n++) {
            int i = at(n);
            String text = (flags[i] & CONTENT) != 0 ? texts[i] : null;
            if (text != null && !text.isEmpty()) {
                length += text.length();
                only = text;
                parts++;
            }
        }
        if (parts <= 1) {
            return only;
        }
        StringBuilder joined = new StringBuilder(length);
        for (int n = 0; n < size; n++) {
            int i = at(n);
            if ((flags[i] & CONTENT) != 0 && texts[i] != null) {
                joined.append(texts[i]);
            }
        }
        return joined.toString();
    }

    /** The content responses, in order ({@link ParsedResponseRecord#contentResponses()}): this when all are. */
    public ParsedResponses content() {
        ParsedResponses subset = content;
        if (subset == null) {
            subset = contentSubset();
            content = subset;
        }
        return subset;
    }

    private ParsedResponses contentSubset() {
        int count = 0;
        for (int n = 0; n < size; n++) {
            if ((flags[at(n)] & CONTENT) != 0) {
                count++;
            }
        }
        if (count == size) {
            return this;
        }
        int[] subset = new int[count];
        int next = 0;
        for (int n = 0; n < size; n++) {
            int i = at(n);
            if ((flags[i] & CONTENT) != 0) {
                subset[next++] = i;
            }
        }
        return new ParsedResponses(perfNs, flags, outputs, reasonings, usageAt, usages, usageCount, given, subset,
                count);
    }

    private int at(int index) {
        return positions == null ? index : positions[index];
    }

    /** Collects the responses of one request in order. Not thread-safe; {@link #build} once. */
    public static final class Builder {
        private long[] perfNs;
        private byte[] flags;
        private String[] outputs;
        private String[] reasonings;
        private int[] usageAt;
        private JsonNode[] usages;
        private int usageCount;
        private ParsedResponse[] given;
        private int count;
        private boolean built;

        private Builder(int expected) {
            int capacity = Math.max(1, expected);
            perfNs = new long[capacity];
            flags = new byte[capacity];
            outputs = new String[capacity];
        }

        /** Adds a response an endpoint made as an object; it is kept as it is. */
        public Builder add(ParsedResponse response) {
            int i = next();
            perfNs[i] = response.perfNs();
            ResponseData data = response.data();
            if (data != null) {
                String output = data.outputText();
                boolean other = !(data instanceof ResponseData.Text) && !(data instanceof ResponseData.Reasoning);
                flags[i] = (byte) (GIVEN | CONTENT | (output.isEmpty() ? 0 : OUTPUT) | (other ? OTHER_DATA : 0));
                outputs[i] = output;
                String reasoning = data.reasoningText();
                if (!reasoning.isEmpty()) {
                    reasonings()[i] = reasoning;
                }
            } else {
                flags[i] = GIVEN;
            }
            if (response.usage() != null) {
                addUsage(i, response.usage());
            }
            if (given == null) {
                given = new ParsedResponse[perfNs.length];
            }
            given[i] = response;
            return this;
        }

        /**
         * Adds a text response without making its objects: it reads as a {@link ParsedResponse} whose data is
         * {@link ResponseData.Reasoning}{@code (content, reasoning)} when {@code reasoning} is given, else
         * {@link ResponseData.Text}{@code (content)} when {@code content} is given, else null (a usage-only or
         * empty response).
         *
         * @param content   the output text, or null; an empty text counts as none
         * @param reasoning the reasoning text, or null; an empty text counts as none
         * @param usage     the response's usage, or null
         */
        public Builder add(long perfNs, String content, String reasoning, JsonNode usage) {
            int i = next();
            this.perfNs[i] = perfNs;
            boolean hasOutput = content != null && !content.isEmpty();
            boolean hasReasoning = reasoning != null && !reasoning.isEmpty();
            if (hasReasoning) {
                reasonings()[i] = reasoning;
                outputs[i] = hasOutput ? content : "";
            } else if (hasOutput) {
                outputs[i] = content;
            }
            flags[i] = (byte) ((hasOutput || hasReasoning ? CONTENT : 0) | (hasOutput ? OUTPUT : 0));
            if (usage != null) {
                addUsage(i, usage);
            }
            return this;
        }

        /** How many responses were added. */
        public int size() {
            return count;
        }

        /** The responses added, in order; the builder takes no more after this (its arrays are handed over). */
        public ParsedResponses build() {
            built = true;
            if (count == 0) {
                return EMPTY;
            }
            return new ParsedResponses(perfNs, flags, outputs, reasonings, usageAt, usages, usageCount, given, null,
                    count);
        }

        private int next() {
            if (built) {
                throw new IllegalStateException("responses added after build()");
            }
            if (count == perfNs.length) {
                int capacity = count * 2;
                perfNs = Arrays.copyOf(perfNs, capacity);
                flags = Arrays.copyOf(flags, capacity);
                outputs = Arrays.copyOf(outputs, capacity);
                reasonings = reasonings == null ? null : Arrays.copyOf(reasonings, capacity);
                given = given == null ? null : Arrays.copyOf(given, capacity);
            }
            return count++;
        }

        private String[] reasonings() {
            if (reasonings == null) {
                reasonings = new String[perfNs.length];
            }
            return reasonings;
        }

        private void addUsage(int i, JsonNode usage) {
            if (usages == null) {
                usageAt = new int[2];
                usages = new JsonNode[2];
            } else if (usageCount == usages.length) {
                usageAt = Arrays.copyOf(usageAt, usageCount * 2);
                usages = Arrays.copyOf(usages, usageCount * 2);
            }
            usageAt[usageCount] = i;
            usages[usageCount++] = usage;
        }
    }
}
