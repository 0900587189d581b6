package dev.aiperf.plugin.internal;

import dev.aiperf.plugin.ManifestException;
import dev.aiperf.plugin.ManifestLocation;
import dev.aiperf.plugin.ManifestProblem;
import dev.aiperf.plugin.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code META-INF/aiperf.plugins} or {@code META-INF/aiperf.categories} index: lines
 * {@code name = path/inside/jar/file.yaml}, with {@code #} comments and blank lines.
 */
public final class IndexFile {
    /** Resource that lists a jar's plugin manifests. */
    public static final String PLUGINS = "META-INF/aiperf.plugins";
    /** Resource that lists a jar's category files. */
    public static final String CATEGORIES = "META-INF/aiperf.categories";

    /**
     * One line of an index.
     *
     * @param name the name before {@code =}
     * @param path the resource path after it, without a leading {@code /}
     * @param line 1-based line number
     */
    public record Line(String name, String path, int line) {
    }

    private IndexFile() {
    }

    /**
     * Parses an index.
     *
     * @throws ManifestException naming file and line for every malformed line
     */
    public static List<Line> parse(String text, String file) {
        List<Line> lines = new ArrayList<>();
        List<ManifestProblem> problems = new ArrayList<>();
        String[] rows = text.split("\\R", -1);
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            int equals = row.indexOf('=');
            String name = equals < 0 ? "" : row.substring(0, equals).strip();
            String path = equals < 0 ? "" : stripSlash(row.substring(equals + 1).strip());
            if (name.isEmpty() || path.isEmpty()) {
                problems.add(new ManifestProblem(Severity.ERROR, ManifestProblem.Kind.SYNTAX,
                        new ManifestLocation(file, i + 1, 1), null, null,
                        "expected 'name = path/inside/jar/file.yaml', found '" + row + "'"));
                continue;
            }
            lines.add(new Line(name, path, i + 1));
        }
        if (!problems.isEmpty()) {
            throw new ManifestException(problems);
        }
        return List.copyOf(lines);
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
