package dev.aiperf.readiness;

import java.util.Arrays;
import java.util.Locale;

/** What {@code --wait-for-model-mode} probes (upstream §3.1). */
public enum ReadinessMode {
    /** {@code GET <url>/v1/models} answers 200 (and lists the model when it lists any). */
    MODELS,
    /** One one-token inference request through the run's endpoint answers 2xx. */
    INFERENCE,
    /** Both, models first. */
    BOTH;

    /** The mode named {@code name} ({@code models}, {@code inference}, {@code both}), case-insensitive. */
    public static ReadinessMode of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--wait-for-model-mode must be one of models, inference, both; got '"
                    + name + "'");
        }
    }

    /** The option value, e.g. {@code inference}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return optionValue();
    }

    static String choices() {
        return String.join(", ", Arrays.stream(values()).map(ReadinessMode::optionValue).toList());
    }
}
