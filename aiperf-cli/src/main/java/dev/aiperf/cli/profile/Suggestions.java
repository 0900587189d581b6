package dev.aiperf.cli.profile;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the valid name closest to a mistyped one, for "did you mean" hints. */
final class Suggestions {

    private Suggestions() {
    }

    /** The closest candidate within an edit distance of about a third of its length, if any. */
    static Optional<String> closest(String typed, Collection<String> candidates) {
        String t = typed.toLowerCase().replace('-', '_');
        return candidates.stream()
                .filter(c -> distance(t, c.toLowerCase().replace('-', '_')) <= Math.max(2, c.length() / 3))
                .min(Comparator.comparingInt(c -> distance(t, c.toLowerCase().replace('-', '_'))));
    }

    /** {@code " (did you mean 'x'?)"} or empty. */
    static String hint(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
