package dev.aiperf.plugin;

import java.util.List;
import java.util.Optional;

/**
 * A name (or class path) is not registered in a category. The message lists the available names
 * and suggests the closest one.
 */
public class TypeNotFoundException extends PluginException {
    private final String category;
    private final String name;
    private final List<String> available;
    private final String suggestion;

    public TypeNotFoundException(String category, String name, List<String> available, String suggestion) {
        this(category, name, available, suggestion, defaultMessage(category, name, available, suggestion));
    }

    public TypeNotFoundException(String category, String name, List<String> available, String suggestion,
                                 String message) {
        super(message);
        this.category = category;
        this.name = name;
        this.available = List.copyOf(available);
        this.suggestion = suggestion;
    }

    /** The category that was searched. */
    public String category() {
        return category;
    }

    /** The name or class path that was asked for, as given. */
    public String name() {
        return name;
    }

    /** The names registered in the category, sorted. */
    public List<String> available() {
        return available;
    }

    /** The registered name closest to the one asked for, if any is close. */
    public Optional<String> suggestion() {
        return Optional.ofNullable(suggestion);
    }

    private static String defaultMessage(String category, String name, List<String> available, String suggestion) {
        StringBuilder message = new StringBuilder("Unknown ").append(category).append(" type '").append(name)
                .append("'.");
        if (suggestion != null) {
            message.append(NameSuggestions.Phrasing.SENTENCE.offer(suggestion));
        }
        message.append(available.isEmpty() ? " No " + category + " types are registered."
                : " Available: " + String.join(", ", available) + ".");
        return message.toString();
    }
}
