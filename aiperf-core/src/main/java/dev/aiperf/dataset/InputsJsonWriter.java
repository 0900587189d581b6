package dev.aiperf.dataset;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.Turn;
import dev.aiperf.export.AtomicFile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code inputs.json} (spec §3.12): {@code {"data": [{"session_id", "payloads": [...]}]}} with
 * every turn formatted by the endpoint as it is sent, the conversation's system prompt and user context
 * included, but without the history of earlier turns and replies (the replies are not known before the run),
 * pretty-printed and streamed so large datasets need no extra memory. (The original leaves the system prompt and
 * user context out, though every request carries them.)
 */
public final class InputsJsonWriter {

    /** The artifact's file name. */
    public static final String FILE_NAME = "inputs.json";

    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(INDENTER)
            .withArrayIndenter(INDENTER);

    private final Endpoint endpoint;
    private final JsonFactory factory = new ObjectMapper().getFactory();

    public InputsJsonWriter(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Writes the file atomically (whole or not at all), replacing any previous one. */
    public void write(List<Conversation> conversations, Path file) throws IOException {
        AtomicFile.write(file, out -> write(conversations, out));
    }

    private void write(List<Conversation> conversations, OutputStream out) throws IOException {
        try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter(PRETTY));
            json.writeStartObject();
            json.writeArrayFieldStart("data");
            for (Conversation conversation : conversations) {
                writeConversation(json, conversation);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private void writeConversation(JsonGenerator json, Conversation conversation) throws IOException {
        json.writeStartObject();
        json.writeStringField("session_id", conversation.sessionId());
        json.writeArrayFieldStart("payloads");
        List<Turn> turns = conversation.turns();
        for (int i = 0; i < turns.size(); i++) {
            RequestInfo alone = new RequestInfo(conversation, List.of(turns.get(i)), i, 0, CreditPhase.PROFILING,
                    null, conversation.sessionId(), 0);
            json.writeTree(endpoint.formatPayload(alone));
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
