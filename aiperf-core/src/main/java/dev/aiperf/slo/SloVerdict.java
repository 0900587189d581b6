package dev.aiperf.slo;

/**
 * What one gate found in a run.
 *
 * @param gate   the objective
 * @param actual the measured value, or null when the run did not measure it (which breaks the gate:
 *               a gate that cannot be checked must not pass a CI pipeline)
 * @param unit   the metric's unit, or null when not measured
 * @param note   why a value is missing (e.g. the metrics the run has), or null
 */
public record SloVerdict(SloGate gate, Double actual, String unit, String note) {
    public boolean held() {
        return actual != null && gate.operator().holds(actual, gate.threshold());
    }
}
