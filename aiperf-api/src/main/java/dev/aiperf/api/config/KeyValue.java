package dev.aiperf.api.config;

/** One ordered key/value pair from {@code --extra-inputs} or {@code --header}; value keeps its JSON type. */
public record KeyValue(String key, Object value) {
}
