package dev.aiperf.config;

import dev.aiperf.api.config.LoadConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The default artifact directory (spec §1.5):
 * {@code <root>/<model>-<service kind>-<endpoint type>-<stimulus>}, e.g.
 * {@code artifacts/Qwen_Qwen3-0.6B-openai-chat-concurrency8}.
 */
public final class ArtifactDirectoryNamer {
    public static final Path DEFAULT_ROOT = Path.of("artifacts");

    private ArtifactDirectoryNamer() {
    }

    static Path directory(Path root, List<String> models, String serviceKind, String endpointType, LoadConfig load) {
        return root.resolve(name(models, serviceKind, endpointType, load));
    }

    static String name(List<String> models, String serviceKind, String endpointType, LoadConfig load) {
        String model = models.getFirst().replace('/', '_') + (models.size() > 1 ? "_multi" : "");
        return model + "-" + serviceKind + "-" + endpointType + "-" + stimulus(load);
    }

    /**
     * {@code concurrency<N>} and/or {@code request_rate<R>} joined by {@code -}, R printed as a float;
     * {@code fixed_schedule} for a replay; {@code user_centric-users<N>-qps<R>} for user-centric runs.
     */
    public static String stimulus(LoadConfig load) {
        if (LoadConfig.FIXED_SCHEDULE.equals(load.timingStrategy())) {
            return "fixed_schedule";
        }
        if (LoadConfig.USER_CENTRIC_RATE.equals(load.timingStrategy()) && load.shape().userCentricRate() != null) {
            return "user_centric-users" + load.shape().numUsers() + "-qps" + pythonFloat(load.shape().userCentricRate());
        }
        List<String> parts = new ArrayList<>();
        boolean rated = load.requestRate() != null && !load.isConcurrencyBurst();
        if (load.concurrency() != null || !rated) {
            parts.add("concurrency" + (load.concurrency() == null ? 1 : load.concurrency()));
        }
        if (rated) {
            parts.add("request_rate" + pythonFloat(load.requestRate()));
        }
        return String.join("-", parts);
    }

    /** Python's {@code str(float)} for ordinary values: {@code 10.0}, {@code 2.5}. */
    private static String pythonFloat(double value) {
        String s = Double.toString(value);
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String mantissa = s.substring(0, e).replaceAll("\\.0$", "");
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
