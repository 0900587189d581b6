package dev.aiperf.api;

import dev.aiperf.api.dataset.CustomDatasetLoader;
import dev.aiperf.api.dataset.DatasetBackingStore;
import dev.aiperf.api.dataset.DatasetComposer;
import dev.aiperf.api.dataset.DatasetSampler;
import dev.aiperf.api.dataset.PublicDatasetLoader;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.endpoint.UrlSelectionStrategy;
import dev.aiperf.api.export.ConsoleExporter;
import dev.aiperf.api.export.DataExporter;
import dev.aiperf.api.plot.Plot;
import dev.aiperf.api.record.RecordProcessor;
import dev.aiperf.api.record.ResultsProcessor;
import dev.aiperf.api.service.Communication;
import dev.aiperf.api.service.Service;
import dev.aiperf.api.service.ServiceManager;
import dev.aiperf.api.telemetry.GpuTelemetryCollector;
import dev.aiperf.api.timing.ArrivalPattern;
import dev.aiperf.api.timing.Ramp;
import dev.aiperf.api.timing.TimingStrategy;
import dev.aiperf.api.tokenizer.TokenizerLoader;
import dev.aiperf.api.transport.Transport;
import dev.aiperf.api.ui.AiperfUi;
import com.fasterxml.jackson.annotation.JsonCreator;
import dev.aiperf.plugin.Category;
import dev.aiperf.plugin.NameSuggestions;
import dev.aiperf.plugin.UnknownCategoryException;

import java.io.InvalidObjectException;
import java.io.Serial;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The built-in plugin categories as typed keys: {@code Plugins.getClass(PluginType.ENDPOINT, "chat")}
 * is a {@code Class<? extends Endpoint>}. Categories added at run time by plugins are reached with
 * {@link Category#named(String)} or by their name as a string.
 *
 * <p>Like an enum constant, a {@code PluginType} is {@link java.io.Serializable} and deserialises to
 * the same constant; its JSON form is its name, read back by {@link #valueOf(String)}.
 */
public final class PluginType<T> extends Category<T> {
    @Serial
    private static final long serialVersionUID = 1L;

    public static final PluginType<Endpoint> ENDPOINT = new PluginType<>("endpoint", Endpoint.class);
    public static final PluginType<Transport> TRANSPORT = new PluginType<>("transport", Transport.class);
    public static final PluginType<TimingStrategy> TIMING_STRATEGY = new PluginType<>("timing_strategy", TimingStrategy.class);
    public static final PluginType<ArrivalPattern> ARRIVAL_PATTERN = new PluginType<>("arrival_pattern", ArrivalPattern.class);
    public static final PluginType<Ramp> RAMP = new PluginType<>("ramp", Ramp.class);
    public static final PluginType<DatasetBackingStore> DATASET_BACKING_STORE = new PluginType<>("dataset_backing_store", DatasetBackingStore.class);
    public static final PluginType<DatasetSampler> DATASET_SAMPLER = new PluginType<>("dataset_sampler", DatasetSampler.class);
    public static final PluginType<DatasetComposer> DATASET_COMPOSER = new PluginType<>("dataset_composer", DatasetComposer.class);
    public static final PluginType<CustomDatasetLoader> CUSTOM_DATASET_LOADER = new PluginType<>("custom_dataset_loader", CustomDatasetLoader.class);
    public static final PluginType<PublicDatasetLoader> PUBLIC_DATASET_LOADER = new PluginType<>("public_dataset_loader", PublicDatasetLoader.class);
    public static final PluginType<TokenizerLoader> TOKENIZER = new PluginType<>("tokenizer", TokenizerLoader.class);
    public static final PluginType<RecordProcessor> RECORD_PROCESSOR = new PluginType<>("record_processor", RecordProcessor.class);
    public static final PluginType<ResultsProcessor> RESULTS_PROCESSOR = new PluginType<>("results_processor", ResultsProcessor.class);
    public static final PluginType<DataExporter> DATA_EXPORTER = new PluginType<>("data_exporter", DataExporter.class);
    public static final PluginType<ConsoleExporter> CONSOLE_EXPORTER = new PluginType<>("console_exporter", ConsoleExporter.class);
    public static final PluginType<Service> SERVICE = new PluginType<>("service", Service.class);
    public static final PluginType<ServiceManager> SERVICE_MANAGER = new PluginType<>("service_manager", ServiceManager.class);
    public static final PluginType<Communication> COMMUNICATION = new PluginType<>("communication", Communication.class);
    public static final PluginType<AiperfUi> UI = new PluginType<>("ui", AiperfUi.class);
    public static final PluginType<Plot> PLOT = new PluginType<>("plot", Plot.class);
    public static final PluginType<UrlSelectionStrategy> URL_SELECTION_STRATEGY = new PluginType<>(
            "url_selection_strategy", UrlSelectionStrategy.class);
    public static final PluginType<GpuTelemetryCollector> GPU_TELEMETRY_COLLECTOR =
            new PluginType<>("gpu_telemetry_collector", GpuTelemetryCollector.class);

    private static final List<PluginType<?>> VALUES = List.of(ENDPOINT, TRANSPORT, TIMING_STRATEGY, ARRIVAL_PATTERN,
            RAMP, DATASET_BACKING_STORE, DATASET_SAMPLER, DATASET_COMPOSER, CUSTOM_DATASET_LOADER, PUBLIC_DATASET_LOADER,
            TOKENIZER, RECORD_PROCESSOR, RESULTS_PROCESSOR, DATA_EXPORTER, CONSOLE_EXPORTER, SERVICE, SERVICE_MANAGER, COMMUNICATION, UI, PLOT,
            URL_SELECTION_STRATEGY,
            GPU_TELEMETRY_COLLECTOR);
    private static final Map<String, PluginType<?>> BY_NAME = VALUES.stream()
            .collect(Collectors.toUnmodifiableMap(Category::name, Function.identity()));

    private PluginType(String name, Class<T> protocol) {
        super(name, protocol);
    }

    /** Every built-in category, in the order of categories.yaml. */
    public static List<PluginType<?>> values() {
        return VALUES;
    }

    /**
     * The built-in constant for a category name (matched case-insensitively, {@code -} equal to
     * {@code _}); also how JSON is read.
     *
     * @throws UnknownCategoryException naming the built-in categories when the name is none of them
     */
    @JsonCreator
    public static PluginType<?> valueOf(String name) {
        PluginType<?> builtin = BY_NAME.get(Category.normalize(name));
        if (builtin == null) {
            List<String> known = VALUES.stream().map(Category::name).toList();
            throw new UnknownCategoryException(name, known, NameSuggestions.closest(name, known).orElse(null));
        }
        return builtin;
    }

    /**
     * The built-in constant for a category name (matched case-insensitively, {@code -} equal to
     * {@code _}), or an untyped {@link Category} for a category that only plugins declare.
     */
    public static Category<?> of(String name) {
        PluginType<?> builtin = BY_NAME.get(Category.normalize(name));
        return builtin != null ? builtin : Category.named(name);
    }

    @Serial
    private Object readResolve() throws InvalidObjectException {
        PluginType<?> constant = BY_NAME.get(name());
        if (constant == null) {
            throw new InvalidObjectException("no built-in category '" + name() + "'");
        }
        return constant;
    }
}
