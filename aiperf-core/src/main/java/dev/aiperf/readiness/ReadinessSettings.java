package dev.aiperf.readiness;

/**
 * {@code --wait-for-model-timeout}, {@code --wait-for-model-mode} and {@code --wait-for-model-interval}.
 *
 * @param timeoutSeconds  how long to wait in all; 0 skips the wait (the original's default)
 * @param mode            what to probe
 * @param intervalSeconds pause between probes (default 5)
 */
public record ReadinessSettings(double timeoutSeconds, ReadinessMode mode, double intervalSeconds) {
    public static final ReadinessSettings SKIP = new ReadinessSettings(0, ReadinessMode.INFERENCE, 5);

    public ReadinessSettings {
        if (!(timeoutSeconds >= 0) || Double.isInfinite(timeoutSeconds)) {
            throw new IllegalArgumentException("--wait-for-model-timeout must be 0 or more seconds, got "
                    + timeoutSeconds);
        }
        if (!(intervalSeconds > 0) || Double.isInfinite(intervalSeconds)) {
            throw new IllegalArgumentException("--wait-for-model-interval must be more than 0 seconds, got "
                    + intervalSeconds);
        }
        if (mode == null) {
            throw new IllegalArgumentException("--wait-for-model-mode must be one of " + ReadinessMode.choices());
        }
    }

    /** Whether a wait was asked for. */
    public boolean enabled() {
        return timeoutSeconds > 0;
    }
}
