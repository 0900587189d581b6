package dev.aiperf.cli.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One option of the original {@code aiperf profile} (upstream 2026, 259 of them), from the table
 * {@code upstream-options.tsv}: so that a command line written for the original never fails on an
 * option name with a generic "unknown option". Whether this project implements it is not stored:
 * an option is implemented exactly when {@code aiperf profile} declares it.
 *
 * @param name             primary name, e.g. {@code --workers-max}
 * @param aliases          other spellings, e.g. {@code --max-workers}
 * @param group            the original's help group
 * @param notApplicableWhy why the option has no meaning in this single-process tool (it is accepted
 *                         and ignored with a note), or empty when it applies
 * @param meaning          what it does in the original
 */
public record UpstreamOption(String name, List<String> aliases, String group, String notApplicableWhy,
                             String meaning) {
    private static final String TABLE = "upstream-options.tsv";

    public UpstreamOption {
        aliases = List.copyOf(aliases);
    }

    /** Every spelling: the name, then the aliases. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(name);
        names.addAll(aliases);
        return names;
    }

    public boolean applies() {
        return notApplicableWhy.isEmpty();
    }

    /** The whole table, in the original's order. */
    public static List<UpstreamOption> all() {
        return Loaded.ALL;
    }

    private static final class Loaded {
        static final List<UpstreamOption> ALL = load();

        private static List<UpstreamOption> load() {
            try (InputStream in = UpstreamOption.class.getResourceAsStream(TABLE)) {
                if (in == null) {
                    throw new IllegalStateException(TABLE + " is missing from the aiperf-cli jar");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                List<UpstreamOption> options = new ArrayList<>();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cells = line.split("\t", -1);
                    if (cells.length != 5) {
                        throw new IllegalStateException(TABLE + ": expected 5 tab-separated cells: " + line);
                    }
                    List<String> aliases = cells[1].isEmpty() ? List.of() : Arrays.asList(cells[1].split(","));
                    options.add(new UpstreamOption(cells[0], aliases, cells[2], cells[3], cells[4]));
                }
                return List.copyOf(options);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
