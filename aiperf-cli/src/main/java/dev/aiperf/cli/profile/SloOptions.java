package dev.aiperf.cli.profile;

import dev.aiperf.cli.shared.UsageException;
import dev.aiperf.slo.SloGate;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Options of the "SLO gates" group: objectives the run must meet, checked when it ends (docs/slo-gates.md). */
public final class SloOptions {

    @Option(names = "--slo", paramLabel = "<METRIC[.STAT]OP<N>>", split = ",",
            description = {"An objective the run must meet, e.g. 'time_to_first_token.p99<200',",
                    "'request_throughput>50', 'error_rate<0.01' (units as in the summary JSON; no STAT = avg).",
                    "Repeat or separate with commas. When any breaks, aiperf exits with 3."})
    List<String> slos = new ArrayList<>();

    /** The parsed gates, or a usage error naming each invalid one. */
    List<SloGate> gates() {
        List<SloGate> gates = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String slo : slos) {
            try {
                gates.add(SloGate.parse(slo));
            } catch (IllegalArgumentException e) {
                problems.add("--slo: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(problems);
        }
        return gates;
    }
}
