package dev.aiperf.engine;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.LoadConfig;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.api.endpoint.EndpointMetadata;
import dev.aiperf.api.export.ConsoleExporter;
import dev.aiperf.api.export.DataExporter;
import dev.aiperf.api.export.ExportContext;
import dev.aiperf.api.export.ExportInfo;
import dev.aiperf.api.model.CreditPhase;
import dev.aiperf.api.model.InferenceResponse;
import dev.aiperf.api.model.ParsedResponse;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.RequestRecord;
import dev.aiperf.api.record.MetricResult;
import dev.aiperf.api.record.RecordProcessor;
import dev.aiperf.api.record.ResultsProcessor;
import dev.aiperf.api.record.Statistic;
import dev.aiperf.api.timing.ArrivalPattern;
import dev.aiperf.api.timing.TimingStrategy;
import dev.aiperf.api.transport.Transport;
import dev.aiperf.api.ui.AiperfUi;
import dev.aiperf.console.ConsoleFooter;
import dev.aiperf.endpoint.RequestFactory;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.plugin.TypeEntry;
import dev.aiperf.records.InferenceResultParser;
import dev.aiperf.tokenizer.Tokenizer;
import dev.aiperf.tokenizer.Tokenizers;
import dev.aiperf.transport.TransportDiagnostics;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one benchmark in this JVM: {@link #prepare} resolves every part by the name the configuration
 * gives it and builds the dataset (so configuration mistakes surface before any request is sent);
 * {@link Prepared#run} then runs [warm-up +] profiling, and exports the results through every
 * registered data exporter and console exporter.
 *
 * <p>Threads: the caller's thread is the scheduler of each phase; the transport's I/O threads
 * complete requests; one records thread parses and measures them; one progress thread drives the UI.
 */
public final class BenchmarkRunner {

    private BenchmarkRunner() {
    }

    /**
     * Builds the run's plugins and dataset.
     *
     * @throws IllegalArgumentException when the configuration or the dataset cannot be used; the
     *                                  message is meant for the user as is
     * @throws IOException              when the artifact directory or {@code inputs.json} cannot be written
     */
    public static Prepared prepare(BenchmarkConfig config, PrintStream out, PrintStream err) throws IOException {
        Endpoint endpoint = PluginFactory.create(PluginType.ENDPOINT, config.endpoint().type(), config);
        EndpointMetadata metadata = endpoint.metadata();
        String transportName = transportName(config);
        Files.createDirectories(config.output().artifactDir());
        List<RecordProcessor> recordProcessors = new ArrayList<>();
        for (TypeEntry entry : Plugins.listTypes(PluginType.RECORD_PROCESSOR)) {
            recordProcessors.add(PluginFactory.instantiate(PluginType.RECORD_PROCESSOR, entry.name(), entry.load(),
                    new Object[] {config, metadata}));
        }
        List<ResultsProcessor> resultsProcessors = new ArrayList<>();
        for (TypeEntry entry : Plugins.listTypes(PluginType.RESULTS_PROCESSOR)) {
            resultsProcessors.add(PluginFactory.instantiate(PluginType.RESULTS_PROCESSOR, entry.name(), entry.load(),
                    new Object[] {config, metadata}));
        }
        Tokenizer tokenizer = metadata.tokenizesInput() || metadata.producesTokens()
                ? Tokenizers.forName(config.output().tokenizer()) : null;
        DatasetStage.Dataset dataset = DatasetStage.build(config, endpoint, config.output().artifactDir());
        return new Prepared(config, endpoint, metadata, transportName, recordProcessors, resultsProcessors,
                InferenceResultParser.forRun(config, endpoint, tokenizer), dataset, out, err);
    }

    /** The transport named by {@code --transport}, else the one registered for the first URL's scheme. */
    private static String transportName(BenchmarkConfig config) {
        if (config.endpoint().transport() != null) {
            return config.endpoint().transport();
        }
        String url = config.endpoint().urls().isEmpty() ? "localhost:8000" : config.endpoint().urls().getFirst();
        String withScheme = url.contains("://") ? url : "http://" + url;
        return Plugins.detectTypeFromUrl(PluginType.TRANSPORT, withScheme).orElseThrow(() ->
                new IllegalArgumentException("no transport handles the URL " + url + "; registered transports: "
                        + Plugins.listTypes(PluginType.TRANSPORT).stream().map(TypeEntry::name).toList()
                        + ". Choose one with --transport"));
    }

    /** A benchmark ready to run. Run it once. */
    public static final class Prepared {
        private final BenchmarkConfig config;
        private final Endpoint endpoint;
        private final EndpointMetadata metadata;
        private final String transportName;
        private final List<RecordProcessor> recordProcessors;
        private final List<ResultsProcessor> resultsProcessors;
        private final InferenceResultParser parser;
        private final DatasetStage.Dataset dataset;
        private final PrintStream out;
        private final PrintStream err;
        private volatile boolean interruptRequested;
        private volatile PhaseRunner currentPhase;
        private boolean handleSignals;

        private Prepared(BenchmarkConfig config, Endpoint endpoint, EndpointMetadata metadata, String transportName,
                         List<RecordProcessor> recordProcessors, List<ResultsProcessor> resultsProcessors,
                         InferenceResultParser parser, DatasetStage.Dataset dataset, PrintStream out,
                         PrintStream err) {
            this.config = config;
            this.endpoint = endpoint;
            this.metadata = metadata;
            this.transportName = transportName;
            this.recordProcessors = recordProcessors;
            this.resultsProcessors = resultsProcessors;
            this.parser = parser;
            this.dataset = dataset;
            this.out = out;
            this.err = err;
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
            InterruptSignals signals = handleSignals ? InterruptSignals.install(this::interrupt, err) : null;
            try {
                return runPhasesAndExport();
            } finally {
                if (signals != null) {
                    signals.close();
                }
            }
        }

        private BenchmarkOutcome runPhasesAndExport() throws IOException {
            String benchmarkId = UUID.randomUUID().toString();
            AiperfUi ui = PluginFactory.createWithAny(PluginType.UI, config.output().ui(), new Object[] {config, err},
                    new Object[] {config});
            // Created last: its worker threads and file are released by finish(), in the finally below.
            RecordPipeline pipeline = new RecordPipeline(parser, recordProcessors, resultsProcessors,
                    RecordWriters.forConfig(config), err);
            List<PhaseOutcome> phases = new ArrayList<>();
            ClientLoadMonitor.ClientLoad clientLoad = null;
            Integer connectionLimit = null;
            try (Transport transport = PluginFactory.create(PluginType.TRANSPORT, transportName, config);
                 ProgressReporter reporter = new ProgressReporter(ui)) {
                TransportDiagnostics diagnostics = transport instanceof TransportDiagnostics d ? d : null;
                connectionLimit = diagnostics == null ? null : diagnostics.connectionLimit();
                if (config.endpoint().preconnect()) {
                    Preconnection.open(transport, config, out);
                }
                RequestFactory requests = new RequestFactory(config, endpoint);
                RequestSender sender = (info, intended) -> send(transport, requests, info, intended);
                for (CreditPhase phase : phaseList()) {
                    if (interruptRequested) {
                        break;
                    }
                    ClientLoadMonitor monitor = phase == CreditPhase.PROFILING ? ClientLoadMonitor.start(diagnostics)
                            : null;
                    PhaseOutcome outcome;
                    try {
                        outcome = runPhase(phase, sender, pipeline, reporter);
                    } finally {
                        if (monitor != null) {
                            clientLoad = monitor.stop();
                        }
                    }
                    phases.add(outcome);
                    if (outcome.interrupted()) {
                        break;
                    }
                }
            } finally {
                pipeline.finish();
            }
            boolean interrupted = interruptRequested;
            PhaseOutcome profiling = phases.stream().filter(p -> p.phase() == CreditPhase.PROFILING).findFirst()
                    .orElse(null);
            return export(benchmarkId, pipeline, profiling, interrupted, clientLoad, connectionLimit);
        }

        private List<CreditPhase> phaseList() {
            return config.load().hasWarmup() ? List.of(CreditPhase.WARMUP, CreditPhase.PROFILING)
                    : List.of(CreditPhase.PROFILING);
        }

        private PhaseOutcome runPhase(CreditPhase phase, RequestSender sender, RecordPipeline pipeline,
                                      ProgressReporter reporter) {
            LoadConfig load = phase == CreditPhase.WARMUP ? config.load().asWarmupPhase() : config.load();
            BenchmarkConfig phaseConfig = config.withLoad(load);
            ArrivalPattern pattern = PluginFactory.create(PluginType.ARRIVAL_PATTERN, load.arrivalPattern(), phaseConfig);
            TimingStrategy strategy = PluginFactory.createWithAny(PluginType.TIMING_STRATEGY, load.timingStrategy(),
                    new Object[] {phaseConfig, pattern}, new Object[] {phaseConfig});
            Long expected = load.requestCount() == null ? null : load.requestCount().longValue();
            PhaseProgress progress = new PhaseProgress(phase, expected, load.benchmarkDurationSeconds());
            PhaseRunner.RecordSink sink = phase == CreditPhase.PROFILING ? (p, record) -> pipeline.submit(record)
                    : (p, record) -> { };
            PhaseRunner runner = new PhaseRunner(phase, load, strategy, dataset.nextConversation(), sender, sink,
                    this::assistantText, () -> interruptRequested, progress, config.endpoint().urls().size());
            currentPhase = runner;
            reporter.phaseStarted(progress);
            try {
                return runner.run();
            } finally {
                currentPhase = null;
                reporter.phaseCompleted(progress);
            }
        }

        private static CompletableFuture<RequestRecord> send(Transport transport, RequestFactory requests,
                                                             RequestInfo info, long intended) {
            return transport.sendRequest(requests.create(info, intended));
        }

        /** The median TTFT of the run in ms, else its median request latency, else null. */
        private static Double medianLatencyMs(ExportContext context) {
            return context.result("time_to_first_token").or(() -> context.result("request_latency"))
                    .map(r -> r.get(Statistic.P50)).orElse(null);
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
                                        Integer connectionLimit) {
            List<MetricResult> results = new ArrayList<>();
            for (ResultsProcessor processor : resultsProcessors) {
                results.addAll(processor.processResults());
            }
            long startWall = profiling == null ? 0 : profiling.startWallNs();
            long endWall = profiling == null ? 0 : profiling.endWallNs();
            ExportContext context = new ExportContext(config, metadata, results, pipeline.errors().toList(), startWall,
                    endWall, benchmarkId, Versions.aiperf(), interrupted);
            if (clientLoad != null && !context.isEmpty()) {
                context = context.withClientHealth(ClientVerdict.assess(pipeline.clientTiming().results(), clientLoad,
                        medianLatencyMs(context), connectionLimit, config.load().concurrency()));
            }
            List<ExportInfo> written = new ArrayList<>();
            List<String> exportErrors = new ArrayList<>();
            if (!context.isEmpty()) {
                for (TypeEntry entry : Plugins.listTypes(PluginType.DATA_EXPORTER)) {
                    try {
                        DataExporter exporter = PluginFactory.instantiate(PluginType.DATA_EXPORTER, entry.name(),
                                entry.load(), new Object[] {config});
                        exporter.export(context);
                        written.add(exporter.getExportInfo());
                    } catch (IOException | RuntimeException e) {
                        exportErrors.add("data exporter '" + entry.name() + "' failed: " + e.getMessage());
                    }
                }
                for (TypeEntry entry : Plugins.listTypes(PluginType.CONSOLE_EXPORTER)) {
                    try {
                        ConsoleExporter exporter = PluginFactory.instantiate(PluginType.CONSOLE_EXPORTER, entry.name(),
                                entry.load(), new Object[] {config});
                        exporter.export(context, out);
                    } catch (RuntimeException e) {
                        exportErrors.add("console exporter '" + entry.name() + "' failed: " + e.getMessage());
                    }
                }
                if (context.clientHealth() != null) {
                    out.println();
                    out.println(context.clientHealth().verdict());
                }
                ConsoleFooter.print(context, written, null, out);
                out.println("Artifacts: " + config.output().artifactDir().toAbsolutePath());
                out.flush();
            }
            exportErrors.forEach(e -> err.println("aiperf: error: " + e));
            return new BenchmarkOutcome(config.output().artifactDir(), dataset.inputsFile(),
                    RecordWriters.recordsFile(config), written, context, profiling, pipeline.processed(),
                    interrupted, exportErrors);
        }
    }
}
