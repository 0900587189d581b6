package dev.aiperf.plugin.internal;

import java.util.Collection;
import java.util.Locale;

/** Name rules shared by the registry: normalisation, class-name syntax and "did you mean" suggestions. */
public final class Names {

    private Names() {
    }

    /**
     * Lower case, {@code -} as {@code _}, surrounding blanks removed. Returns the argument itself when
     * it is already normal, so the lookup hot path allocates nothing for well-formed names.
     */
    public static String normalize(String name) {
        if (isNormal(name)) {
            return name;
        }
        return name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static boolean isNormal(String name) {
        int length = name.length();
        if (length == 0 || Character.isWhitespace(name.charAt(0)) || Character.isWhitespace(name.charAt(length - 1))) {
            return length == 0;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c == '-' || (c >= 'A' && c <= 'Z') || c > 127) {
                return false;
            }
        }
        return true;
    }

    /** True when the argument names a class ({@code a.b.C} or {@code a.b:C}) rather than a plugin name. */
    public static boolean isClassPath(String nameOrClassPath) {
        return nameOrClassPath.indexOf('.') >= 0 || nameOrClassPath.indexOf(':') >= 0;
    }

    /** {@code a.b:C} and {@code a.b.C} both become the binary name {@code a.b.C}. */
    public static String binaryClassName(String classPath) {
        String stripped = classPath.strip();
        int colon = stripped.indexOf(':');
        return colon < 0 ? stripped : stripped.substring(0, colon) + "." + stripped.substring(colon + 1);
    }

    /** True for a syntactically valid binary class name: dot-separated Java identifiers ({@code $} allowed). */
    public static boolean isValidClassName(String binaryName) {
        if (binaryName.isEmpty()) {
            return false;
        }
        for (String part : binaryName.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.codePointAt(0))) {
                return false;
            }
            if (!part.codePoints().allMatch(Character::isJavaIdentifierPart)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The candidate closest to {@code wanted} by edit distance, or null when none is reasonably close
     * (distance above a third of the longer name, with a floor of 2).
     */
    public static String closest(String wanted, Collection<String> candidates) {
        String normal = normalize(wanted);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(normal, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return null;
        }
        int limit = Math.max(2, Math.max(normal.length(), best.length()) / 3);
        return bestDistance <= limit || best.startsWith(normal) || normal.startsWith(best) ? best : null;
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
