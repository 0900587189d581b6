package dev.aiperf.plugin.internal;

import dev.aiperf.plugin.ManifestException;
import dev.aiperf.plugin.ManifestLocation;
import dev.aiperf.plugin.ManifestProblem;
import dev.aiperf.plugin.Severity;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems found in one manifest file, so a report can show all of them at once. */
public final class Problems {
    private final String file;
    private final List<ManifestProblem> list = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    /** The file the problems are about. */
    public String file() {
        return file;
    }

    /** Where a node starts, 1-based. */
    public ManifestLocation at(Node node) {
        return node.getStartMark()
                .map(mark -> new ManifestLocation(file, mark.getLine() + 1, mark.getColumn() + 1))
                .orElse(ManifestLocation.ofFile(file));
    }

    public void error(ManifestProblem.Kind kind, Node node, String category, String name, String message) {
        add(Severity.ERROR, kind, at(node), category, name, message);
    }

    public void warning(ManifestProblem.Kind kind, ManifestLocation location, String message) {
        add(Severity.WARNING, kind, location, null, null, message);
    }

    public void add(Severity severity, ManifestProblem.Kind kind, ManifestLocation location, String category,
                    String name, String message) {
        list.add(new ManifestProblem(severity, kind, location, category, name, message));
    }

    public List<ManifestProblem> all() {
        return List.copyOf(list);
    }

    public List<ManifestProblem> errors() {
        return list.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    public List<ManifestProblem> warnings() {
        return list.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }

    /** Throws a {@link ManifestException} with every error, if there is any. */
    public void throwIfErrors() {
        List<ManifestProblem> errors = errors();
        if (!errors.isEmpty()) {
            throw new ManifestException(errors);
        }
    }
}
