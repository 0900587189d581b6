package dev.aiperf.plugin.internal;

import java.util.Locale;

/** Name rules shared by the registry: normalisation and class-name syntax. */
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
}
