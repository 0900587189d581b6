package dev.aiperf.config;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.EndpointConfig;
import dev.aiperf.api.config.InputConfig;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.config.OutputConfig;
import dev.aiperf.api.config.TelemetryConfig;
import dev.aiperf.environment.AiperfEnvironment;

/**
 * The configuration rules, in one place: turns what the user asked for ({@link ProfileSettings}) into a
 * {@link BenchmarkConfig}, with plugin names checked against the registry, defaults and derived values filled in,
 * the cross-option rules of spec §1.4 applied in its order, the warm-up derived from the profiling phase and the
 * environment's overrides read. Every problem is collected, so one call reports all of them. The CLI (and the YAML
 * file through it) and {@link BenchmarkConfigBuilder} both come here.
 */
public final class BenchmarkConfigRules {

    private BenchmarkConfigRules() {
    }

    /**
     * The configuration and its warnings.
     *
     * @throws InvalidConfigException listing every problem found
     */
    public static ConfigResult apply(ProfileSettings settings, Invocation invocation, AiperfEnvironment environment) {
        ProblemList problems = new ProblemList();
        EndpointConfig endpoint = new EndpointRules(settings, problems).build(invocation.mockUrl());
        InputRules inputRules = new InputRules(settings, problems);
        MediaRules media = new MediaRules(settings, problems);
        InputConfig input = inputRules.build().withMedia(media.image(), media.audio(), media.video())
                .withPublicDataset(inputRules.publicDataset()).withCacheBust(inputRules.cacheBust());
        LoadConfig load = new LoadRules(settings, problems).build();
        OutputConfig output = endpoint == null || load == null ? null
                : new OutputRules(settings, problems).build(endpoint, load, invocation.terminal(),
                invocation.commandLine());
        warnAboutOutputLength(input, endpoint, problems);
        TelemetryConfig telemetry = new TelemetryRules(settings, problems, environment).build();
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems.problems());
        }
        return new ConfigResult(new BenchmarkConfig(endpoint, input, load, output, telemetry), problems.warnings());
    }

    /** Spec §1.4 step 14: an --osl without ignore_eos or min_tokens is a maximum the server may undercut. */
    private static void warnAboutOutputLength(InputConfig input, EndpointConfig endpoint, ProblemList problems) {
        if (input.oslMean() == null || endpoint == null) {
            return;
        }
        boolean pinned = endpoint.extraInputs().stream().anyMatch(kv ->
                (kv.key().equals("ignore_eos") && truthy(kv.value())) || kv.key().equals("min_tokens"));
        if (!pinned) {
            problems.warn("--osl sets only a maximum; the server may stop earlier. Add --extra-inputs ignore_eos:true"
                    + " (or min_tokens:<n>) for exact output lengths");
        }
    }

    private static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : value != null && !value.equals(0) && !"".equals(value);
    }
}
