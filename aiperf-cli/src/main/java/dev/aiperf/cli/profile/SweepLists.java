package dev.aiperf.cli.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comma lists ("magic lists") found on a {@code profile} command line, and, when one cell of a sweep
 * is being configured, the value each swept option takes in it. Filled by {@link SweepListPreprocessor}.
 */
final class SweepLists {
    /** Swept option (its primary name, e.g. {@code --concurrency}) to its values as typed. */
    final Map<String, List<String>> lists = new LinkedHashMap<>();
    /** While configuring one cell: swept option to the value it takes there. */
    final Map<String, String> overrides = new LinkedHashMap<>();

    boolean any() {
        return !lists.isEmpty();
    }
}
