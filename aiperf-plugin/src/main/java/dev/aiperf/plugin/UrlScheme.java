package dev.aiperf.plugin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The scheme of a URL and the {@code url_schemes} metadata convention used by {@code detectTypeFromUrl}. */
final class UrlScheme {
    static final String METADATA_KEY = "url_schemes";

    private UrlScheme() {
    }

    /** {@code http} for {@code http://host}, empty when the text has no {@code scheme://} prefix. */
    static Optional<String> of(String url) {
        int separator = url.indexOf("://");
        if (separator <= 0) {
            return Optional.empty();
        }
        String scheme = url.substring(0, separator).strip();
        boolean valid = Character.isLetter(scheme.charAt(0)) && scheme.chars()
                .allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.');
        return valid ? Optional.of(scheme.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    static boolean listedIn(Map<String, Object> metadata, String scheme) {
        return metadata.get(METADATA_KEY) instanceof List<?> schemes
                && schemes.stream().anyMatch(s -> s != null && s.toString().equalsIgnoreCase(scheme));
    }
}
