package dev.aiperf.metrics;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.dataset.DatasetContext;
import dev.aiperf.api.dataset.SamplerContext;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.endpoint.UrlSelectionContext;
import dev.aiperf.api.export.ExporterContext;
import dev.aiperf.api.record.ProcessorContext;
import dev.aiperf.api.timing.ArrivalPatternContext;
import dev.aiperf.api.timing.RampContext;
import dev.aiperf.api.timing.TimingStrategyContext;
import dev.aiperf.api.transport.TransportContext;
import dev.aiperf.api.telemetry.GpuTelemetryCollectorContext;
import dev.aiperf.api.ui.UiContext;
import dev.aiperf.api.plot.PlotContext;
import dev.aiperf.plugin.Category;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.plugin.TypeEntry;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in plugin follows the one constructor rule: a public constructor taking its category's
 * context, or a public no-argument one; and every category the engine builds from has its built-ins.
 */
class BuiltInPluginClassesTest {
    /** The context each category the engine builds is constructed from. */
    private static final Map<Category<?>, Class<?>> CONTEXTS = Map.ofEntries(
            Map.entry(PluginType.ENDPOINT, EndpointContext.class),
            Map.entry(PluginType.TRANSPORT, TransportContext.class),
            Map.entry(PluginType.TIMING_STRATEGY, TimingStrategyContext.class),
            Map.entry(PluginType.ARRIVAL_PATTERN, ArrivalPatternContext.class),
            Map.entry(PluginType.RAMP, RampContext.class),
            Map.entry(PluginType.DATASET_BACKING_STORE, DatasetContext.class),
            Map.entry(PluginType.DATASET_COMPOSER, DatasetContext.class),
            Map.entry(PluginType.CUSTOM_DATASET_LOADER, DatasetContext.class),
            Map.entry(PluginType.PUBLIC_DATASET_LOADER, DatasetContext.class),
            Map.entry(PluginType.DATASET_SAMPLER, SamplerContext.class),
            Map.entry(PluginType.RECORD_PROCESSOR, ProcessorContext.class),
            Map.entry(PluginType.RESULTS_PROCESSOR, ProcessorContext.class),
            Map.entry(PluginType.DATA_EXPORTER, ExporterContext.class),
            Map.entry(PluginType.CONSOLE_EXPORTER, ExporterContext.class),
            Map.entry(PluginType.UI, UiContext.class),
            Map.entry(PluginType.PLOT, PlotContext.class),
            Map.entry(PluginType.URL_SELECTION_STRATEGY, UrlSelectionContext.class),
            Map.entry(PluginType.GPU_TELEMETRY_COLLECTOR, GpuTelemetryCollectorContext.class));
    /** Categories built from a public no-argument constructor only: what they work on comes in their calls. */
    private static final Set<Category<?>> NO_CONTEXT = Set.of(PluginType.TOKENIZER);

    @Test
    void everyBuiltInHasItsCategorysContextConstructorOrANoArgOne() {
        for (TypeEntry entry : Plugins.registry().allEntries()) {
            if (!entry.isBuiltin()) {
                continue;
            }
            if (NO_CONTEXT.contains(PluginType.of(entry.category()))) {
                assertThat(Arrays.stream(entry.load().getConstructors()).anyMatch(c -> c.getParameterCount() == 0))
                        .as("%s has a public ()", entry).isTrue();
                continue;
            }
            Class<?> context = CONTEXTS.get(PluginType.of(entry.category()));
            assertThat(context).as("the engine builds category %s", entry.category()).isNotNull();
            Constructor<?>[] constructors = entry.load().getConstructors();
            assertThat(Arrays.stream(constructors).anyMatch(c -> c.getParameterCount() == 0
                    || c.getParameterCount() == 1 && c.getParameterTypes()[0] == context))
                    .as("%s has public (%s) or ()", entry, context.getSimpleName()).isTrue();
        }
    }

    @Test
    void theRampCategoryHasTheOriginalsThreeRamps() {
        assertThat(Plugins.listTypes(PluginType.RAMP)).extracting(TypeEntry::name)
                .contains("linear", "exponential", "poisson");
    }
}
