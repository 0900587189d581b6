package dev.aiperf.engine;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.export.DataExporter;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExportInfo;
import dev.aiperf.api.export.ExporterContext;
import dev.aiperf.api.timing.Ramp;
import dev.aiperf.api.timing.RampContext;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.random.SeededRandomStreams;
import dev.aiperf.timing.ExponentialRamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one constructor rule, and the engine building ramps through the registry by name. */
class PluginFactoryTest {
    private final PluginRegistry registry = PluginRegistry.builder().pluginsDir(null).build();
    private final PluginFactory plugins = new PluginFactory(registry);

    @AfterEach
    void close() throws Exception {
        registry.close();
    }

    /** Remembers which constructor built it. */
    public static final class BothConstructors implements DataExporter {
        final String builtBy;

        public BothConstructors() {
            builtBy = "()";
        }

        public BothConstructors(ExporterContext context) {
            builtBy = "(ExporterContext)";
        }

        @Override
        public void export(ExportContext context) {
        }

        @Override
        public ExportInfo getExportInfo() {
            return null;
        }
    }

    public static final class NoArgsOnly implements DataExporter {
        @Override
        public void export(ExportContext context) {
        }

        @Override
        public ExportInfo getExportInfo() {
            return null;
        }
    }

    public static final class RejectsItsConfig implements DataExporter {
        public RejectsItsConfig(ExporterContext context) {
            throw new IllegalArgumentException("--my-option must be positive");
        }

        @Override
        public void export(ExportContext context) {
        }

        @Override
        public ExportInfo getExportInfo() {
            return null;
        }
    }

    public static final class BrokenRamp implements Ramp {
        public BrokenRamp(RampContext context) {
            throw new IllegalStateException("ramp broken");
        }

        @Override
        public double valueAt(double elapsedSeconds) {
            return 0;
        }

        @Override
        public double durationSeconds() {
            return 1;
        }
    }

    @Test
    void theContextConstructorWinsOverTheNoArgOne() {
        registry.register(PluginType.DATA_EXPORTER, "both", BothConstructors.class, 0, false);

        BothConstructors built = (BothConstructors) plugins.create(PluginType.DATA_EXPORTER, "both",
                ExporterContext.class, new ExporterContext(null));

        assertThat(built.builtBy).isEqualTo("(ExporterContext)");
    }

    @Test
    void withoutAContextConstructorTheNoArgOneBuildsIt() {
        registry.register(PluginType.DATA_EXPORTER, "plain", NoArgsOnly.class, 0, false);

        assertThat(plugins.create(PluginType.DATA_EXPORTER, "plain", ExporterContext.class, new ExporterContext(null)))
                .isInstanceOf(NoArgsOnly.class);
        assertThat(plugins.used()).extracting(UsedPlugin::name).containsExactly("plain");
    }

    @Test
    void aThirdPartyRejectionNamesThePluginAndABuiltInsIsTheUsersError() {
        registry.register(PluginType.DATA_EXPORTER, "theirs", RejectsItsConfig.class, 0, false);
        registry.register(PluginType.DATA_EXPORTER, "ours", RejectsItsConfig.class, 0, true);

        assertThatThrownBy(() -> plugins.create(PluginType.DATA_EXPORTER, "theirs", ExporterContext.class,
                new ExporterContext(null))).isInstanceOf(PluginFailureException.class)
                .hasMessageStartingWith("plugin data_exporter:theirs failed: its constructor threw"
                        + " IllegalArgumentException: --my-option must be positive (class "
                        + RejectsItsConfig.class.getName() + ", package runtime");
        assertThatThrownBy(() -> plugins.create(PluginType.DATA_EXPORTER, "ours", ExporterContext.class,
                new ExporterContext(null))).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("--my-option must be positive");
    }

    @Test
    void theEngineBuildsItsRampsThroughTheRegistryByName() {
        registry.register(PluginType.RAMP, "linear", ExponentialRamp.class, 50, false); // a plugin's override
        TestConfigs config = TestConfigs.against("http://127.0.0.1:1", null);
        config.concurrency = 8;
        config.concurrencyRamp = 2.0;

        List<PhasePlan> phases = PhasePlan.forRun(config.build(), plugins, new SeededRandomStreams(1L));

        assertThat(phases.getLast().concurrencyRamp()).isInstanceOf(ExponentialRamp.class);
        assertThat(plugins.used()).extracting(p -> p.category() + ":" + p.name() + ":" + p.className())
                .contains("ramp:linear:" + ExponentialRamp.class.getName());
    }

    @Test
    void aRampThatFailsInsideTheStrategyIsReportedAsTheRamp() {
        registry.register(PluginType.RAMP, "linear", BrokenRamp.class, 50, false);
        TestConfigs config = TestConfigs.against("http://127.0.0.1:1", null);
        config.pattern = "constant";
        config.rate = 10.0;
        config.rateRamp = 1.0;

        assertThatThrownBy(() -> PhasePlan.forRun(config.build(), plugins, new SeededRandomStreams(1L)))
                .isInstanceOf(PluginFailureException.class)
                .hasMessageStartingWith("plugin ramp:linear failed: its constructor threw IllegalStateException:"
                        + " ramp broken");
    }
}
