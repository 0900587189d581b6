package dev.aiperf.study;

import dev.aiperf.api.config.BenchmarkConfig;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One combination of a study's parameter values and the full, validated configuration that runs it.
 * The configuration's artifact folder is replaced by the study's layout.
 *
 * @param label      folder name of the cell, {@code <name>_<value>} joined by {@code __}, e.g. {@code concurrency_4}
 * @param parameters parameter name to value (empty for a study without a sweep)
 * @param config     the configuration of each run of this cell
 */
public record StudyCell(String label, Map<String, Object> parameters, BenchmarkConfig config) {
    public StudyCell {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A cell labelled after its values, the original's {@code {name}_{value}} form, e.g. {@code request_rate_5.0}. */
    public static StudyCell of(Map<String, Object> parameters, BenchmarkConfig config) {
        return new StudyCell(label(parameters), parameters, config);
    }

    /** {@code concurrency_4}, {@code concurrency_4__isl_512}; a study without parameters is {@code profile}. */
    public static String label(Map<String, Object> parameters) {
        if (parameters.isEmpty()) {
            return "profile";
        }
        StringBuilder label = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (!label.isEmpty()) {
                label.append("__");
            }
            label.append(name).append('_').append(value instanceof Double d
                    ? dev.aiperf.export.PythonNumbers.repr(d) : value);
        });
        return label.toString();
    }

    /** {@code concurrency=4, isl=512}: how progress lines name the cell. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(name).append('=').append(value);
        });
        return text.toString();
    }
}
