package dev.aiperf.cli.profile;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.cli.shared.UsageException;
import dev.aiperf.config.BenchmarkConfigRules;
import dev.aiperf.config.ConfigResult;
import dev.aiperf.config.InvalidConfigException;
import dev.aiperf.config.Invocation;
import dev.aiperf.config.ProfileSettings;
import dev.aiperf.environment.AiperfEnvironment;

import java.util.List;

/**
 * The CLI's side of the configuration: copies the parsed {@code profile} options into the core
 * {@link ProfileSettings} and hands them to {@link BenchmarkConfigRules}, where every default, derived value and
 * cross-option rule lives (a library user gets the same through {@code dev.aiperf.config.BenchmarkConfigs}). The
 * problems it finds become a {@link UsageException} (exit 2), each message as the rules wrote it.
 */
final class ProfileConfigBuilder {

    private ProfileConfigBuilder() {
    }

    /** The configuration and the warnings to show, or a {@link UsageException} listing every problem. */
    static Result build(ProfileCommand options, String mockUrl, boolean terminal, String commandLine) {
        try {
            ConfigResult result = BenchmarkConfigRules.apply(settings(options),
                    new Invocation(mockUrl, terminal, commandLine), AiperfEnvironment.system());
            return new Result(result.config(), result.warnings());
        } catch (InvalidConfigException e) {
            throw new UsageException(e.problems());
        }
    }

    /** The options as given, in the core's terms: nothing checked or defaulted here. */
    static ProfileSettings settings(ProfileCommand o) {
        ProfileSettings s = new ProfileSettings();
        o.endpoint.applyTo(s.endpoint);
        o.input.applyTo(s.input);
        o.prompt.applyTo(s.prompt);
        o.rankings.applyTo(s.rankings);
        o.conversation.applyTo(s.conversation);
        o.image.applyTo(s.image);
        o.audio.applyTo(s.audio);
        o.video.applyTo(s.video);
        o.load.applyTo(s.load);
        o.fixedSchedule.applyTo(s.fixedSchedule);
        o.shape.applyTo(s.shapes);
        o.output.applyTo(s.output);
        o.telemetry.applyTo(s.telemetry);
        o.tokenizer.applyTo(s.tokenizer);
        s.ui = o.service.ui;
        return s;
    }

    /** A built configuration and what the user should be warned about. */
    record Result(BenchmarkConfig config, List<String> warnings) {
    }
}
