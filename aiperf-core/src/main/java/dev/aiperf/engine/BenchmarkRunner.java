package dev.aiperf.engine;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.endpoint.EndpointContext;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.export.ConsoleExporter;
import dev.aiperf.api.export.DataExporter;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExportInfo;
import dev.aiperf.api.export.ExporterContext;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.random.RandomStreams;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.ProcessorContext;
import dev.aiperf.api.record.RecordProcessor;
import dev.aiperf.api.record.ResultsProcessor;
import dev.aiperf.api.record.Statistic;
import dev.aiperf.api.timing.ScheduledTimingStrategy;
import dev.aiperf.api.tokenizer.Tokenizer;
import dev.aiperf.api.transport.ResponseObserver;
import dev.aiperf.api.transport.Transport;
import dev.aiperf.api.transport.TransportContext;
import dev.aiperf.api.transport.TransportMetadata;
import dev.aiperf.api.ui.AiperfUi;
import dev.aiperf.api.ui.UiContext;
import dev.aiperf.artifacts.RequestSampleColumns;
import dev.aiperf.artifacts.UsesRunRequestSamples;
import dev.aiperf.console.ConsoleFooter;
import dev.aiperf.control.ProfilingServerControl;
import dev.aiperf.endpoint.RequestFactory;
import dev.aiperf.export.FileErrors;
import dev.aiperf.plugin.PluginException;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.plugin.TypeEntry;
import dev.aiperf.random.SeededRandomStreams;
import dev.aiperf.records.InferenceResultParser;
import dev.aiperf.tokenizer.Tokenizers;
import dev.aiperf.export.ArtifactFiles;
import dev.aiperf.export.OutputsJson;
import dev.aiperf.export.Redaction;
import dev.aiperf.transport.TransportDiagnostics;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one benchmark in this JVM: {@link #prepare} resolves every part by the name the configuration
 * gives it, builds every plugin of the run through the registry (checking the transport's class) and
 * builds the dataset, so configuration mistakes and broken plugins surface before any request is
 * sent; {@link Prepared#run} then runs [warm-up +] profiling, and exports the results through every
 * registered data exporter and console exporter.
 *
 * <p>Threads: the caller's thread is the scheduler of each phase; the transport's I/O threads
 * complete requests; one records thread parses and measures them; one progress thread drives the UI.
 */
public final class BenchmarkRunner {

    /** How long the last progress line waits for the records pipeline to count the last errors. */
    private static final long PIPELINE_CATCH_UP_MS = 5_000;

    private BenchmarkRunner() {
    }

    /**
     * Builds the run's plugins and dataset, and records the plugins in {@code plugins_used.json}.
     *
     * @throws IllegalArgumentException when the configuration or the dataset cannot be used; the
     *                                  message is meant for the user as is
     * @throws PluginFailureException   when a plugin the run needs cannot be loaded or built
     * @throws IOException              when the artifact directory or {@code inputs.json} cannot be written,
     *                                  or the run's connections do not fit under the open-file limit
     */
    public static Prepared prepare(BenchmarkConfig config, PrintStream out, PrintStream err) throws IOException {
        LogLevel.of(config.output().logLevel()); // an unknown level is the caller's mistake, before anything starts
        OpenFileLimit.check(OpenFileLimit.connections(config.load()), 1);
        PluginRegistry registry = Plugins.registry();
        PluginFactory plugins = new PluginFactory(registry);
        TypeEntry endpointEntry = registry.getType(PluginType.ENDPOINT, config.endpoint().type());
        EndpointMetadata metadata = typedMetadata(plugins, endpointEntry, EndpointMetadata.class);
        Endpoint endpoint = plugins.create(PluginType.ENDPOINT, endpointEntry, EndpointContext.class,
                new EndpointContext(config, metadata));
        TypeEntry transportEntry = registry.getType(PluginType.TRANSPORT, transportName(registry, config));
        TransportContext transportContext = new TransportContext(config,
                typedMetadata(plugins, transportEntry, TransportMetadata.class));
        plugins.load(PluginType.TRANSPORT, transportEntry); // built when the run starts: it owns threads
        try {
            Files.createDirectories(config.output().artifactDir());
        } catch (IOException e) {
            throw new IOException("cannot create the artifact folder " + config.output().artifactDir().toAbsolutePath()
                    + ": " + FileErrors.cause(e), e);
        }
        ProcessorContext processorContext = new ProcessorContext(config, metadata);
        List<RecordProcessor> recordProcessors = new ArrayList<>();
        for (TypeEntry entry : registry.listTypes(PluginType.RECORD_PROCESSOR)) {
            recordProcessors.add(plugins.create(PluginType.RECORD_PROCESSOR, entry, ProcessorContext.class,
                    processorContext));
        }
        ResultsProcessors resultsFactory = new ResultsProcessors(plugins, processorContext);
        List<ResultsProcessor> resultsProcessors = resultsFactory.create(CreditPhase.PROFILING);
        Tokenizers.Choice tokenizerChoice = Tokenizers.forRun(config);
        if (tokenizerChoice.warning() != null) {
            err.println("aiperf: warning: " + tokenizerChoice.warning());
        }
        Tokenizer tokenizer = tokenizerChoice.tokenizer();
        RandomStreams random = new SeededRandomStreams(config.input().randomSeed());
        DatasetStage.Dataset dataset = DatasetStage.build(config, endpoint, plugins, tokenizer, random,
                config.output().artifactDir());
        List<PhasePlan> phases = PhasePlan.forRun(config, plugins, random);
        for (PhasePlan phase : phases) {
            if (phase.strategy() instanceof ScheduledTimingStrategy scheduled) {
                scheduled.checkDataset(dataset.conversations());
            }
        }
        Exporters exporters = Exporters.build(plugins, new ExporterContext(config));
        RunStopper stopper = new RunStopper();
        AiperfUi ui = plugins.create(PluginType.UI, config.output().ui(), UiContext.class,
                new UiContext(config, err, stopper));
        GpuTelemetry gpuTelemetry = GpuTelemetry.build(config, plugins);
        PluginsUsedFile.write(config.output().artifactDir(), plugins.used());
        InferenceResultParser parser = InferenceResultParser.forRun(config, endpoint, metadata,
                metadata.tokenizesInput() || metadata.producesTokens() ? tokenizer : null);
        Parts parts = new Parts(endpoint, metadata, transportEntry, transportContext, recordProcessors,
                resultsProcessors, resultsFactory, parser, dataset, phases, exporters, ui, plugins, gpuTelemetry);
        Prepared prepared = new Prepared(config, parts, out, err);
        stopper.stopWith(prepared::interrupt);
        return prepared;
    }

    /** The entry's metadata as its category's record; metadata that does not fit is the plugin's failure. */
    private static <M> M typedMetadata(PluginFactory plugins, TypeEntry entry, Class<M> type) {
        try {
            return entry.metadata(type);
        } catch (PluginException e) {
            throw PluginFailureException.of(plugins.registry(), entry, null, e.getMessage(), e);
        }
    }

    /** The transport named by {@code --transport}, else the one registered for the first URL's scheme. */
    private static String transportName(PluginRegistry registry, BenchmarkConfig config) {
        if (config.endpoint().transport() != null) {
            return config.endpoint().transport();
        }
        String url = config.endpoint().urls().isEmpty() ? "localhost:8000" : config.endpoint().urls().getFirst();
        String withScheme = url.contains("://") ? url : "http://" + url;
        return registry.detectTypeFromUrl(PluginType.TRANSPORT, withScheme).orElseThrow(() ->
                new IllegalArgumentException("no transport handles the URL " + url + "; registered transports: "
                        + registry.listTypes(PluginType.TRANSPORT).stream().map(TypeEntry::name).toList()
                        + ". Choose one with --transport"));
    }

    /** The exporters of a run, built before it starts, with the names they are registered under. */
    private record Exporters(Map<String, DataExporter> data, Map<String, ConsoleExporter> console) {
        static Exporters build(PluginFactory plugins, ExporterContext context) {
            Map<String, DataExporter> data = new LinkedHashMap<>();
            for (TypeEntry entry : plugins.registry().listTypes(PluginType.DATA_EXPORTER)) {
                data.put(entry.name(), plugins.create(PluginType.DATA_EXPORTER, entry, ExporterContext.class, context));
            }
            Map<String, ConsoleExporter> console = new LinkedHashMap<>();
            for (TypeEntry entry : plugins.registry().listTypes(PluginType.CONSOLE_EXPORTER)) {
                console.put(entry.name(), plugins.create(PluginType.CONSOLE_EXPORTER, entry, ExporterContext.class,
                        context));
            }
            return new Exporters(data, console);
        }
    }

    /**
     * Builds a fresh set of the run's results processors through the registry, for one phase: the
     * profiling run's, the warm-up's ({@code warmup_metrics}) and each time slice's.
     */
    private record ResultsProcessors(PluginFactory plugins, ProcessorContext context) {
        List<ResultsProcessor> create(CreditPhase phase) {
            List<ResultsProcessor> processors = new ArrayList<>();
            for (TypeEntry entry : plugins.registry().listTypes(PluginType.RESULTS_PROCESSOR)) {
                processors.add(plugins.create(PluginType.RESULTS_PROCESSOR, entry, ProcessorContext.class,
                        context.forPhase(phase)));
            }
            return processors;
        }
    }

    /** Everything {@link #prepare} built. */
    private record Parts(Endpoint endpoint, EndpointMetadata metadata, TypeEntry transportEntry,
                         TransportContext transportContext, List<RecordProcessor> recordProcessors,
                         List<ResultsProcessor> resultsProcessors, ResultsProcessors resultsFactory,
                         InferenceResultParser parser,
                         DatasetStage.Dataset dataset, List<PhasePlan> phases, Exporters exporters, AiperfUi ui,
                         PluginFactory plugins, GpuTelemetry gpuTelemetry) {
    }

    /** A benchmark ready to run. Run it once. */
    public static final class Prepared {
        private final BenchmarkConfig config;
        private final Endpoint endpoint;
        private final EndpointMetadata metadata;
        private final List<RecordProcessor> recordProcessors;
        private final List<ResultsProcessor> resultsProcessors;
        private final InferenceResultParser parser;
        private final DatasetStage.Dataset dataset;
        private final Parts parts;
        private final PrintStream out;
        /** The error stream; during {@link #run} also copied into the run's log. */
        private PrintStream err;
        private RunLog log;
        private volatile boolean interruptRequested;
        private volatile PhaseRunner currentPhase;
        private boolean handleSignals;
        private volatile boolean terminated;

        private Prepared(BenchmarkConfig config, Parts parts, PrintStream out, PrintStream err) {
            this.config = config;
            this.parts = parts;
            this.endpoint = parts.endpoint();
            this.metadata = parts.metadata();
            this.recordProcessors = parts.recordProcessors();
            this.resultsProcessors = parts.resultsProcessors();
            this.parser = parts.parser();
            this.dataset = parts.dataset();
            this.out = out;
            this.err = err;
        }

        /**
         * Every plugin the run uses, traced to its package and jar (as written to {@code plugins_used.json});
         * the third-party ones ({@code !builtin()}) are what a front-end announces before running.
         */
        public List<UsedPlugin> usedPlugins() {
            return parts.plugins().used();
        }

        /** Installs SIGINT/SIGTERM handling for the duration of {@link #run} (the command line wants it). */
        public Prepared handlingSignals() {
            this.handleSignals = true;
            return this;
        }

        /** Asks a running benchmark to stop sending, cancel in-flight requests and export what it measured. */
        public void interrupt() {
            interruptRequested = true;
            PhaseRunner phase = currentPhase;
            if (phase != null) {
                phase.wake();
            }
        }

        /** Runs every phase and exports; an interrupted run still exports what it measured. */
        public BenchmarkOutcome run() throws IOException {
            PrintStream console = err;
            try {
                log = RunLog.open(config.output().artifactDir(), Redaction.of(config),
                        LogLevel.of(config.output().logLevel()));
                err = log.tee(console);
                log.info("aiperf " + Versions.aiperf() + ": " + (config.output().commandLine() == null ? "profile"
                        : config.output().commandLine()));
                RunDescription.lines(config, parts.plugins().used(), parts.phases()).forEach(log::debug);
            } catch (IOException e) {
                console.println("aiperf: warning: cannot write the run's log "
                        + config.output().artifactDir().resolve(ArtifactFiles.LOG_FILE) + ": " + FileErrors.cause(e));
            }
            InterruptSignals signals = handleSignals ? InterruptSignals.install(this::interrupt, err) : null;
            try {
                return runPhasesAndExport();
            } finally {
                err.flush();
                err = console;
                if (log != null) {
                    log.close();
                }
                if (signals != null) {
                    terminated = signals.terminated();
                    signals.close();
                }
            }
        }

        /** Whether {@link #run} was stopped by SIGTERM: the command line then exits 143, not 130. */
        public boolean terminatedBySigterm() {
            return terminated;
        }

        private BenchmarkOutcome runPhasesAndExport() throws IOException {
            String benchmarkId = UUID.randomUUID().toString();
            AiperfUi ui = parts.ui();
            // Created last: its worker threads and file are released by finish(), in the finally below.
            boolean warmup = parts.phases().stream().anyMatch(p -> p.phase() == CreditPhase.WARMUP);
            List<ResultsProcessor> warmupProcessors = warmup ? parts.resultsFactory().create(CreditPhase.WARMUP)
                    : List.of();
            TimesliceCollector slices = config.output().sliceDurationSeconds() == null ? null
                    : new TimesliceCollector(config.output().sliceDurationSeconds(),
                    () -> parts.resultsFactory().create(CreditPhase.PROFILING));
            List<RecordPipeline.RecordObserver> observers = new ArrayList<>();
            if (!warmupProcessors.isEmpty()) {
                observers.add(record -> {
                    RequestInfo info = record.record().request().requestInfo();
                    if (info != null && info.phase() == CreditPhase.WARMUP) {
                        warmupProcessors.forEach(p -> p.addRecord(record));
                    }
                });
            }
            if (slices != null) {
                observers.add(slices);
            }
            OutputsJson outputs = config.output().writesOutputsJson() ? new OutputsJson() : null;
            if (outputs != null) {
                observers.add(outputs::add);
            }
            FailedRequestGuard guard = FailedRequestGuard.of(config, this::interrupt);
            if (guard != null) {
                observers.add(guard);
            }
            // The report's samples, kept as the records file is written (when this run writes it) so the report
            // need not read the file back.
            RequestSampleColumns samples = RecordWriters.recordsFile(config) == null ? null : new RequestSampleColumns();
            if (samples != null) {
                for (DataExporter exporter : parts.exporters().data().values()) {
                    if (exporter instanceof UsesRunRequestSamples user) {
                        user.useRequestSamples(samples);
                    }
                }
            }
            RecordPipeline pipeline = new RecordPipeline(parser, recordProcessors, resultsProcessors,
                    RecordWriters.forRun(config, Redaction.of(config), samples), observers, err);
            List<PhaseOutcome> phases = new ArrayList<>();
            ClientLoadMonitor.ClientLoad clientLoad = null;
            Integer connectionLimit = null;
            ProfilingServerControl serverControl = new ProfilingServerControl(config,
                    w -> err.println("aiperf: warning: " + w), this::logInfo);
            // Off the request path: its own thread and HTTP client; the baseline scrape happens here, before warm-up.
            TelemetryRun telemetry = TelemetryRun.start(config, parts.gpuTelemetry(), err);
            try (Transport transport = parts.plugins().create(PluginType.TRANSPORT, parts.transportEntry(),
                    TransportContext.class, parts.transportContext());
                 ProgressReporter reporter = new ProgressReporter(ui, telemetry::liveServerMetrics)) {
                TransportDiagnostics diagnostics = transport instanceof TransportDiagnostics d ? d : null;
                connectionLimit = diagnostics == null ? null : diagnostics.connectionLimit();
                if (config.endpoint().preconnect()) {
                    Preconnection.open(transport, config, out);
                }
                RequestFactory requests = new RequestFactory(config, endpoint, metadata);
                RequestSender sender = new RequestSender() {
                    @Override
                    public CompletableFuture<RequestRecord> send(RequestInfo info, long intended) {
                        return transport.sendRequest(requests.create(info, intended));
                    }

                    @Override
                    public CompletableFuture<RequestRecord> send(RequestInfo info, long intended, Long cancelAfterNs,
                                                                 ResponseObserver observer) {
                        return transport.sendRequest(requests.create(info, intended).with(cancelAfterNs, observer));
                    }

                    @Override
                    public void cancel(CompletableFuture<RequestRecord> request) {
                        transport.cancel(request);
                    }
                };
                for (PhasePlan phase : parts.phases()) {
                    if (interruptRequested) {
                        break;
                    }
                    boolean profilingPhase = phase.phase() == CreditPhase.PROFILING;
                    if (profilingPhase) {
                        serverControl.beforeProfiling();
                    }
                    ClientLoadMonitor monitor = profilingPhase ? ClientLoadMonitor.start(diagnostics) : null;
                    PhaseOutcome outcome;
                    try {
                        outcome = runPhase(phase, sender, pipeline, reporter);
                    } finally {
                        if (monitor != null) {
                            clientLoad = monitor.stop();
                        }
                        if (profilingPhase) {
                            serverControl.afterProfiling();
                        }
                    }
                    phases.add(outcome);
                    if (outcome.interrupted()) {
                        break;
                    }
                }
            } catch (RuntimeException | Error e) {
                telemetry.close();
                throw e;
            } finally {
                pipeline.finish();
            }
            boolean interrupted = interruptRequested;
            PhaseOutcome profiling = phases.stream().filter(p -> p.phase() == CreditPhase.PROFILING).findFirst()
                    .orElse(null);
            String abortReason = guard == null ? null : guard.reason();
            if (abortReason != null && log != null) {
                log.error(abortReason); // the front-end prints it last, after the log is closed
            }
            try {
                return export(benchmarkId, pipeline, profiling, interrupted, clientLoad, connectionLimit, warmupProcessors,
                        slices, telemetry, abortReason, outputs);
            } finally {
                telemetry.close();
            }
        }

        private PhaseOutcome runPhase(PhasePlan plan, RequestSender sender, RecordPipeline pipeline,
                                      ProgressReporter reporter) {
            CreditPhase phase = plan.phase();
            LoadConfig load = plan.load();
            Long expected = load.requestCount() == null ? null : load.requestCount().longValue();
            PhaseProgress progress = new PhaseProgress(phase, expected, load.benchmarkDurationSeconds());
            if (phase == CreditPhase.PROFILING) {
                progress.countErrorsFrom(() -> pipeline.errors().total());
            }
            // Warm-up records too: they make warmup_metrics and the raw export, never the run's results.
            PhaseRunner.RecordSink sink = (p, record) -> pipeline.submit(record);
            PhaseRunner runner = new PhaseRunner(plan, new PhaseRunner.Io(dataset.nextConversation(),
                    dataset.conversations(), sender, sink, this::assistantText, this::hasContent,
                    () -> interruptRequested, progress));
            currentPhase = runner;
            reporter.phaseStarted(progress, phase == CreditPhase.PROFILING ? pipeline::liveMetrics : null,
                    phase == CreditPhase.PROFILING ? PeriodicStatsLog.of(config.output(), this::statsBlock) : null);
            if (log != null) {
                log.info("phase " + phase.wireName() + " started");
                log.debug("phase " + phase.wireName() + " load: " + RunDescription.load(load));
            }
            try {
                return runner.run();
            } finally {
                if (log != null) {
                    log.info("phase " + phase.wireName() + " ended: " + progress.completed() + " requests completed");
                }
                currentPhase = null;
                if (phase == CreditPhase.PROFILING) {
                    // The last progress line shows the summary's error count: let the pipeline catch up.
                    pipeline.awaitCommitted(PIPELINE_CATCH_UP_MS);
                }
                reporter.phaseCompleted(progress);
            }
        }

        /** The median TTFT of the run in ms, else its median request latency, else null. */
        private static Double medianLatencyMs(ExportContext context) {
            return context.result("time_to_first_token").or(() -> context.result("request_latency"))
                    .map(r -> r.get(Statistic.P50)).orElse(null);
        }

        /** Whether a raw response carries content: a request's first such is its first token (prefill limit). */
        private boolean hasContent(InferenceResponse response) {
            try {
                ParsedResponse parsed = endpoint.parseResponse(response);
                return parsed != null && parsed.hasContent();
            } catch (RuntimeException unparseable) {
                return false;
            }
        }

        /** The reply text a later turn carries as history: non-reasoning output only (spec §3.3.5). */
        private String assistantText(RequestRecord record) {
            if (record.hasError()) {
                return "";
            }
            StringBuilder text = new StringBuilder();
            for (InferenceResponse response : record.responses()) {
                try {
                    ParsedResponse parsed = endpoint.parseResponse(response);
                    if (parsed != null && parsed.data() != null) {
                        text.append(parsed.data().outputText());
                    }
                } catch (RuntimeException unparseable) {
                    // The records thread reports it as the record's error; history just skips it.
                }
            }
            return text.toString();
        }

        private BenchmarkOutcome export(String benchmarkId, RecordPipeline pipeline, PhaseOutcome profiling,
                                        boolean interrupted, ClientLoadMonitor.ClientLoad clientLoad,
                                        Integer connectionLimit, List<ResultsProcessor> warmupProcessors,
                                        TimesliceCollector slices, TelemetryRun telemetry, String abortReason,
                                        OutputsJson outputs) {
            List<MetricResult> results = new ArrayList<>();
            for (ResultsProcessor processor : resultsProcessors) {
                results.addAll(processor.processResults());
            }
            long startWall = profiling == null ? 0 : profiling.startWallNs();
            long endWall = profiling == null ? 0 : profiling.endWallNs();
            ExportContext context = new ExportContext(config, metadata, results, pipeline.errors().toList(), startWall,
                    endWall, benchmarkId, Versions.aiperf(), interrupted);
            List<MetricResult> warmupResults = new ArrayList<>();
            warmupProcessors.forEach(p -> warmupResults.addAll(p.processResults()));
            context = context.withWarmupResults(warmupResults);
            if (slices != null) {
                context = context.withTimeslices(slices.results());
            }
            // The last scrape, after the last profiling request; statistics cover the profiling window.
            TelemetryRun.Results observed = telemetry.finish(startWall, endWall > startWall ? endWall
                    : System.currentTimeMillis() * 1_000_000L, results);
            context = context.withTelemetry(observed.serverMetrics(), observed.gpuTelemetry(),
                    context.isEmpty() ? List.of() : observed.energyMetrics())
                    .withTelemetryData(observed.telemetryData());
            if (clientLoad != null && !context.isEmpty()) {
                context = context.withClientHealth(ClientVerdict.assess(pipeline.clientTiming().results(), clientLoad,
                        medianLatencyMs(context), connectionLimit, config.load().concurrency()));
            }
            List<ExportInfo> written = new ArrayList<>();
            List<String> exportErrors = new ArrayList<>();
            if (pipeline.writeError() != null) {
                exportErrors.add(pipeline.writeError());
            }
            if (!context.isEmpty()) {
                for (Map.Entry<String, DataExporter> exporter : parts.exporters().data().entrySet()) {
                    try {
                        exporter.getValue().export(context);
                        ExportInfo info = exporter.getValue().getExportInfo();
                        if (info != null) { // an exporter with nothing to write names no file
                            written.add(info);
                            if (log != null) {
                                log.info(info.exportType() + ": " + info.filePath().toAbsolutePath());
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        exportErrors.add("data exporter '" + exporter.getKey() + "' failed: " + e.getMessage());
                    }
                }
                if (outputs != null) {
                    Path file = config.output().artifactDir().resolve(ArtifactFiles.of(config.output()).outputsJson());
                    try {
                        outputs.write(file);
                        written.add(new ExportInfo("Outputs JSON", file));
                        if (log != null) {
                            log.info("Outputs JSON: " + file.toAbsolutePath());
                        }
                    } catch (IOException e) {
                        exportErrors.add("cannot write " + file + ": " + FileErrors.cause(e));
                    } catch (RuntimeException e) {
                        exportErrors.add("cannot write " + file + ": " + e.getMessage());
                    }
                }
                for (Map.Entry<String, ConsoleExporter> exporter : parts.exporters().console().entrySet()) {
                    try {
                        exporter.getValue().export(context, out);
                    } catch (RuntimeException e) {
                        exportErrors.add("console exporter '" + exporter.getKey() + "' failed: " + e.getMessage());
                    }
                }
                if (context.clientHealth() != null) {
                    out.println();
                    out.println(context.clientHealth().verdict());
                    String sendLag = ClientVerdict.sendLagLine(context.clientHealth());
                    if (sendLag != null) {
                        out.println(sendLag);
                    }
                }
                ConsoleFooter.print(context, written, log == null ? null : log.file(), out);
                out.println("Artifacts: " + config.output().artifactDir().toAbsolutePath());
                out.flush();
            }
            exportErrors.forEach(e -> err.println("aiperf: error: " + e));
            return new BenchmarkOutcome(config.output().artifactDir(), dataset.inputsFile(),
                    RecordWriters.recordsFile(config), written, context, profiling, pipeline.processed(),
                    interrupted, exportErrors, abortReason);
        }

        /** A stats block goes to the console with the line-based UIs, to the run's log only with the others. */
        private void statsBlock(String block) {
            if (Set.of("none", "simple").contains(config.output().ui())) {
                err.println("aiperf: " + block);
            } else {
                logInfo(block);
            }
        }

        private void logInfo(String line) {
            if (log != null) {
                log.info(line);
            }
        }
    }
}
