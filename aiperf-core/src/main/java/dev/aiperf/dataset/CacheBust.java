package dev.aiperf.dataset;

import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code --cache-bust} (upstream §3.7): puts a marker {@code [rid:<12 hex digits>]}, unique to each conversation and
 * to each run, at the start or end of the system message or of the first turn's text, so no request can reuse a
 * prefix the server cached in an earlier run (back-to-back runs of a study stay comparable). The markers come
 * from {@link UUID#randomUUID()}, not from the run's seed: a repeated run must not reproduce them.
 */
public final class CacheBust {
    /** The positions the original accepts, {@code none} first. */
    public static final List<String> POSITIONS = List.of("none", "system_prefix", "system_suffix",
            "first_turn_prefix", "first_turn_suffix");

    private CacheBust() {
    }

    /** The position named, lower-cased, or an {@link IllegalArgumentException} listing the valid ones. */
    public static String position(String name) {
        String position = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        if (!POSITIONS.contains(position)) {
            throw new IllegalArgumentException("--cache-bust must be one of " + String.join(", ", POSITIONS)
                    + ", got '" + name + "'");
        }
        return position;
    }

    /** The conversations with a fresh marker each; unchanged for a null or {@code none} position. */
    public static List<Conversation> apply(String position, List<Conversation> conversations) {
        if (position == null || position.equals("none")) {
            return conversations;
        }
        List<Conversation> marked = new ArrayList<>(conversations.size());
        for (Conversation c : conversations) {
            String marker = marker();
            marked.add(switch (position) {
                case "system_prefix" -> withSystem(c, c.systemMessage() == null ? marker
                        : marker + "\n" + c.systemMessage());
                case "system_suffix" -> withSystem(c, c.systemMessage() == null ? marker
                        : c.systemMessage() + "\n" + marker);
                case "first_turn_prefix" -> withFirstText(c, marker, true);
                case "first_turn_suffix" -> withFirstText(c, marker, false);
                default -> throw new IllegalArgumentException(position(position));
            });
        }
        return marked;
    }

    static String marker() {
        return "[rid:" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "]";
    }

    private static Conversation withSystem(Conversation c, String system) {
        return new Conversation(c.sessionId(), c.turns(), system, c.userContextMessage());
    }

    private static Conversation withFirstText(Conversation c, String marker, boolean prefix) {
        if (c.turns().isEmpty() || c.turns().getFirst().texts().isEmpty()
                || c.turns().getFirst().texts().getFirst().contents().isEmpty()) {
            return c;
        }
        Turn first = c.turns().getFirst();
        Turn.Text text = first.texts().getFirst();
        List<String> contents = new ArrayList<>(text.contents());
        contents.set(0, prefix ? marker + " " + contents.getFirst() : contents.getFirst() + " " + marker);
        List<Turn.Text> texts = new ArrayList<>(first.texts());
        texts.set(0, new Turn.Text(text.name(), contents));
        Turn marked = new Turn(first.model(), first.role(), first.timestampMs(), first.delayMs(), first.maxTokens(),
                texts, first.images(), first.audios(), first.videos());
        List<Turn> turns = new ArrayList<>(c.turns());
        turns.set(0, marked);
        return new Conversation(c.sessionId(), turns, c.systemMessage(), c.userContextMessage());
    }
}
