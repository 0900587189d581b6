package dev.aiperf.plot;

import dev.aiperf.artifacts.RunArtifacts;

import java.util.List;

/** What tells several runs apart on an x axis: their concurrency, else their request rate, else their order. */
final class LoadAxis {
    static final String ORDER = "run";

    private LoadAxis() {
    }

    /** {@code concurrency} or {@code request_rate} when every run has it, else {@value #ORDER}. */
    static String of(List<RunArtifacts> runs) {
        for (String field : List.of("concurrency", "request_rate")) {
            if (runs.stream().allMatch(r -> r.loadSetting(field) != null)
                    && runs.stream().map(r -> r.loadSetting(field)).distinct().count() > 1) {
                return field;
            }
        }
        return ORDER;
    }

    static double value(RunArtifacts run, String axis, List<RunArtifacts> runs) {
        return ORDER.equals(axis) ? runs.indexOf(run) + 1 : run.loadSetting(axis);
    }

    static String title(String axis) {
        return switch (axis) {
            case "concurrency" -> "Concurrency";
            case "request_rate" -> "Request rate (requests/s)";
            default -> "Run";
        };
    }
}
