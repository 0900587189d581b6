package dev.aiperf.cli.profile;

import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Stack;

/**
 * Turns {@code --concurrency 1,2,4} (and the original's other list options, upstream §3) into a sweep:
 * the list is remembered in the command's {@link SweepLists} and the option parses its first value, so
 * every check of a single run still applies; each cell is later configured by parsing again with the
 * cell's value in place of the list.
 */
public final class SweepListPreprocessor implements IParameterPreprocessor {
    /** Sweepable options (primary names) and the parameter names the original gives their cells. */
    static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("--concurrency", "concurrency"), Map.entry("--request-rate", "request_rate"),
            Map.entry("--request-count", "request_count"), Map.entry("--benchmark-duration", "benchmark_duration"),
            Map.entry("--isl", "isl"), Map.entry("--isl-stddev", "isl_stddev"), Map.entry("--osl", "osl"),
            Map.entry("--osl-stddev", "osl_stddev"), Map.entry("--num-sessions", "conversation_num"),
            Map.entry("--session-turns-mean", "conversation_turn_mean"),
            Map.entry("--prefill-concurrency", "prefill_concurrency"), Map.entry("--num-users", "num_users"));

    @Override
    public boolean preprocess(Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
        if (args.isEmpty() || !(argSpec instanceof OptionSpec option)
                || !(commandSpec.userObject() instanceof ProfileCommand command)) {
            return false;
        }
        String name = primaryName(option);
        String override = command.sweepLists.overrides.get(name);
        if (override != null) {
            args.pop();
            args.push(override);
            return false;
        }
        String value = args.peek();
        if (value.indexOf(',') >= 0) {
            List<String> values = Arrays.stream(value.split(",", -1)).map(String::strip).toList();
            command.sweepLists.lists.put(name, values);
            args.pop();
            args.push(values.getFirst());
        }
        return false;
    }

    /** The option's name that {@link #PARAMETERS} knows it by. */
    static String primaryName(OptionSpec option) {
        return Arrays.stream(option.names()).filter(PARAMETERS::containsKey).findFirst().orElse(option.longestName());
    }
}
