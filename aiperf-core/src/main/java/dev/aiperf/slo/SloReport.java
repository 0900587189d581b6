package dev.aiperf.slo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiperf.export.AtomicFile;
import dev.aiperf.export.PythonNumbers;
import dev.aiperf.plugin.NameSuggestions;
import dev.aiperf.summary.RunSummary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every gate's verdict on one run: the console lines, the {@value #FILE} file, and whether the run
 * broke any objective (the CLI exits {@code 3} then, so a pipeline can fail on it).
 */
public record SloReport(List<SloVerdict> verdicts) {
    public static final String FILE = "slo_results.json";

    public SloReport {
        verdicts = List.copyOf(verdicts);
    }

    /** Checks each gate against the run's summary. */
    public static SloReport check(List<SloGate> gates, RunSummary run) {
        List<SloVerdict> verdicts = new ArrayList<>();
        for (SloGate gate : gates) {
            Optional<Double> value = run.value(gate.metric(), gate.statistic());
            String unit = run.unit(gate.metric()).orElse(null);
            String note = value.isPresent() ? null : missingNote(gate, run);
            verdicts.add(new SloVerdict(gate, value.orElse(null), value.isPresent() ? unit : null, note));
        }
        return new SloReport(verdicts);
    }

    public boolean anyBroken() {
        return verdicts.stream().anyMatch(v -> !v.held());
    }

    public long brokenCount() {
        return verdicts.stream().filter(v -> !v.held()).count();
    }

    /** One headline, then one line per gate, broken ones first. */
    public List<String> consoleLines() {
        List<String> lines = new ArrayList<>();
        long broken = brokenCount();
        lines.add("SLO gates: " + (verdicts.size() - broken) + " held, " + broken + " broke");
        verdicts.stream().sorted(Comparator.comparing(SloVerdict::held)).forEach(v -> lines.add("  "
                + (v.held() ? "held  " : "BROKE ") + v.gate().text() + ": " + (v.actual() == null
                ? "not measured (" + v.note() + ")" : PythonNumbers.grouped2(v.actual()) + unitSuffix(v.unit()))));
        return lines;
    }

    /** Writes {@value #FILE} into the run's folder, atomically. */
    public Path write(Path artifactDir) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("passed", !anyBroken());
        ArrayNode gates = root.putArray("gates");
        for (SloVerdict v : verdicts) {
            ObjectNode gate = gates.addObject();
            gate.put("slo", v.gate().text());
            gate.put("metric", v.gate().metric());
            gate.put("stat", v.gate().statistic());
            gate.put("operator", v.gate().operator().symbol());
            gate.put("threshold", v.gate().threshold());
            if (v.actual() == null) {
                gate.putNull("actual");
            } else {
                gate.put("actual", v.actual());
            }
            gate.put("unit", v.unit());
            gate.put("held", v.held());
            if (v.note() != null) {
                gate.put("note", v.note());
            }
        }
        Path file = artifactDir.resolve(FILE);
        AtomicFile.writeString(file, json.writeValueAsString(root) + "\n");
        return file;
    }

    private static String unitSuffix(String unit) {
        return unit == null || unit.isEmpty() || unit.equals("ratio") ? "" : " " + unit;
    }

    private static String missingNote(SloGate gate, RunSummary run) {
        if (run.unit(gate.metric()).isPresent()) {
            return "the metric has no " + gate.statistic() + " statistic";
        }
        return "the run has no metric '" + gate.metric() + "'"
                + NameSuggestions.didYouMean(gate.metric(), run.tags(), NameSuggestions.Phrasing.CLAUSE);
    }
}
