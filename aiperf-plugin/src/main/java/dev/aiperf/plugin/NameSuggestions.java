package dev.aiperf.plugin;

import dev.aiperf.plugin.internal.Names;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean ...?" for a mistyped name: the valid name closest to it, and the phrase that offers
 * it. Every such hint of the registry, the pipeline and the CLI comes from here, so they agree on
 * what counts as close.
 *
 * <pre>{@code
 * "Unknown tokenizer 'cl100k_bse'." + NameSuggestions.didYouMean("cl100k_bse", valid)
 *     // -> "Unknown tokenizer 'cl100k_bse'. Did you mean 'cl100k_base'?"
 * }</pre>
 */
public final class NameSuggestions {

    /** Where the question stands in a message, which decides its punctuation. */
    public enum Phrasing {
        /** {@code " Did you mean 'x'?"}: a sentence after one that ends with a full stop. */
        SENTENCE(" Did you mean '", "'?"),
        /** {@code "; did you mean 'x'?"}: ends the clause before it. */
        CLAUSE("; did you mean '", "'?"),
        /** {@code " (did you mean 'x'?)"}: an aside at the end of a line. */
        ASIDE(" (did you mean '", "'?)");

        private final String before;
        private final String after;

        Phrasing(String before, String after) {
            this.before = before;
            this.after = after;
        }

        /** The question offering {@code suggestion}. */
        public String offer(String suggestion) {
            return before + suggestion + after;
        }
    }

    private NameSuggestions() {
    }

    /**
     * The candidate closest to {@code wanted}, if one is reasonably close: within an edit distance of a
     * third of the longer name (at least 2), or one name a prefix of the other (3 characters or more).
     * Case, {@code -} versus {@code _} and surrounding blanks are ignored; the candidate is returned as
     * given. On a tie the first candidate wins.
     */
    public static Optional<String> closest(String wanted, Collection<String> candidates) {
        String normal = Names.normalize(wanted);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String candidateNormal = Names.normalize(candidate);
            int distance = editDistance(normal, candidateNormal);
            if (distance < bestDistance && isClose(normal, candidateNormal, distance)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code " Did you mean 'x'?"} with the closest candidate, or "" when none is close. */
    public static String didYouMean(String wanted, Collection<String> candidates) {
        return didYouMean(wanted, candidates, Phrasing.SENTENCE);
    }

    /** The question offering the closest candidate, phrased for its place; "" when none is close. */
    public static String didYouMean(String wanted, Collection<String> candidates, Phrasing phrasing) {
        return closest(wanted, candidates).map(phrasing::offer).orElse("");
    }

    private static boolean isClose(String a, String b, int distance) {
        int shorter = Math.min(a.length(), b.length());
        int longer = Math.max(a.length(), b.length());
        return distance <= Math.max(2, longer / 3) || shorter >= 3 && (a.startsWith(b) || b.startsWith(a));
    }

    /** Levenshtein distance with two rolling rows. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
