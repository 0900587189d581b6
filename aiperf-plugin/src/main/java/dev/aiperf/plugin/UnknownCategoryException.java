package dev.aiperf.plugin;

import java.util.List;
import java.util.Optional;

/** A category name that no categories.yaml declares. The message lists the known ones. */
public class UnknownCategoryException extends PluginException {
    private final String category;
    private final List<String> available;
    private final String suggestion;

    public UnknownCategoryException(String category, List<String> available, String suggestion) {
        super(message(category, available, suggestion));
        this.category = category;
        this.available = List.copyOf(available);
        this.suggestion = suggestion;
    }

    /** The category asked for, as given. */
    public String category() {
        return category;
    }

    /** The declared category names, sorted. */
    public List<String> available() {
        return available;
    }

    /** The declared category closest to the one asked for, if any is close. */
    public Optional<String> suggestion() {
        return Optional.ofNullable(suggestion);
    }

    private static String message(String category, List<String> available, String suggestion) {
        return "Unknown plugin category '" + category + "'."
                + (suggestion == null ? "" : NameSuggestions.Phrasing.SENTENCE.offer(suggestion))
                + " Known categories: " + String.join(", ", available) + ".";
    }
}
