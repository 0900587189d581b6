package dev.aiperf.plugin;

import java.util.List;

/**
 * The result of validating one manifest file with {@link ManifestValidator}.
 *
 * @param file        the manifest checked
 * @param packageName the package it declares, or null when that could not be read
 * @param entries     how many (category, name) entries it declares
 * @param problems    everything found, in file order
 */
public record ManifestReport(String file, String packageName, int entries, List<ManifestProblem> problems) {

    public ManifestReport {
        problems = List.copyOf(problems);
    }

    /** True when no problem is an error (warnings allowed). */
    public boolean valid() {
        return problems.stream().noneMatch(p -> p.severity() == Severity.ERROR);
    }
}
