package dev.aiperf.cli.plugins;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/**
 * The names a new plugin project derives from its project name, e.g. {@code aiperf-my-plugin}:
 * artifact {@code aiperf-my-plugin}, endpoint type {@code my_plugin}, class
 * {@code MyPluginEndpoint}, package {@code com.example.myplugin}.
 *
 * @param artifactId  Maven artifact id and plugin package name, the project name as given
 * @param groupId     Maven group id
 * @param javaPackage package of the generated classes
 * @param className   simple name of the generated endpoint class
 * @param typeName    the endpoint's registered name
 */
record ScaffoldNames(String artifactId, String groupId, String javaPackage, String className, String typeName) {
    private static final Pattern PROJECT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*([-_][A-Za-z0-9]+)*");

    /**
     * Derives every name from the project name.
     *
     * @param javaPackage the package to use, or null to derive {@code <groupId>.<name without dashes>}
     * @throws IllegalArgumentException with a user-facing message when a name is unusable
     */
    static ScaffoldNames derive(String projectName, String groupId, String javaPackage) {
        if (!PROJECT_NAME.matcher(projectName).matches()) {
            throw new IllegalArgumentException("plugin name '" + projectName
                    + "' must start with a letter and hold only letters, digits and single '-' or '_' between them,"
                    + " e.g. my-plugin");
        }
        if (!SourceVersion.isName(groupId)) {
            throw new IllegalArgumentException("--group-id '" + groupId + "' is not a valid dotted name, e.g. com.example");
        }
        List<String> words = words(projectName);
        String pkg = javaPackage != null ? javaPackage
                : groupId + "." + String.join("", words).toLowerCase(Locale.ROOT);
        if (!SourceVersion.isName(pkg)) {
            throw new IllegalArgumentException("'" + pkg + "' is not a valid Java package name; pass one with --package");
        }
        String className = words.stream().map(ScaffoldNames::capitalize).collect(Collectors.joining()) + "Endpoint";
        String typeName = String.join("_", words).toLowerCase(Locale.ROOT);
        return new ScaffoldNames(projectName, groupId, pkg, className, typeName);
    }

    /** The package as a resource path, e.g. {@code com/example/myplugin}. */
    String packagePath() {
        return javaPackage.replace('.', '/');
    }

    /** The words of the name without a leading {@code aiperf} (every plugin would otherwise carry it). */
    private static List<String> words(String projectName) {
        List<String> words = Arrays.asList(projectName.split("[-_]"));
        if (words.size() > 1 && words.getFirst().equalsIgnoreCase("aiperf")) {
            words = words.subList(1, words.size());
        }
        return words;
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1).toLowerCase(Locale.ROOT);
    }
}
