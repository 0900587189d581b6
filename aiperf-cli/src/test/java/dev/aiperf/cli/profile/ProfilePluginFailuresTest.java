package dev.aiperf.cli.profile;

import dev.aiperf.cli.CliRun;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.testkit.PluginJarBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broken plugin in {@code --plugins-dir} ends {@code profile} before the first request with one
 * message naming its package, {@code category:name}, class, jar and the cause; the stack trace only
 * with {@code --verbose}. Each case is a real jar; the run is the real command against the mock.
 */
class ProfilePluginFailuresTest {
    private static final String EXPORTER_IMPORTS = """
            package com.acme;

            import dev.aiperf.api.export.DataExporter;
            import dev.aiperf.api.export.ExportContext;
            import dev.aiperf.api.export.ExportInfo;
            import dev.aiperf.api.export.ExporterContext;
            """;
    private static final String EXPORTER_METHODS = """
                public void export(ExportContext context) { }
                public ExportInfo getExportInfo() { return new ExportInfo("Broken", null); }
            """;

    @TempDir
    Path dir;

    @AfterEach
    void restoreTheDefaultRegistry() {
        Plugins.reset();
    }

    @Test
    void aThrowingStaticInitialiserIsOneMessage() {
        Path jar = brokenExporter("""
                public final class Broken implements DataExporter {
                    static final int LICENCE = check();
                    static int check() { throw new IllegalStateException("no licence key in ACME_KEY"); }
                """);

        CliRun run = profile();

        assertOneFailure(run, jar, "its static initialiser threw IllegalStateException: no licence key in ACME_KEY");
    }

    @Test
    void aThrowingConstructorIsOneMessage() {
        Path jar = brokenExporter("""
                public final class Broken implements DataExporter {
                    public Broken(ExporterContext context) {
                        throw new UnsupportedOperationException("bucket s3://results is not writable");
                    }
                """);

        CliRun run = profile();

        assertOneFailure(run, jar,
                "its constructor threw UnsupportedOperationException: bucket s3://results is not writable");
    }

    @Test
    void aMissingDependencyIsOneMessageNamingTheMissingClass() {
        // The plugin compiles against a library jar that is not installed beside it.
        Path library = PluginJarBuilder.named("acme-lib").source("com.acme.lib.Uploader", """
                package com.acme.lib;
                public final class Uploader { public static String target() { return "s3"; } }
                """).build(dir.resolve("lib"));
        Path jar = PluginJarBuilder.named("broken-exporter").classPath(library)
                .source("com.acme.Broken", EXPORTER_IMPORTS + """
                        public final class Broken implements DataExporter {
                            private final String target = com.acme.lib.Uploader.target();
                        """ + EXPORTER_METHODS + "}\n")
                .manifest(manifest())
                .build(pluginsDir());

        CliRun run = profile();

        assertOneFailure(run, jar, "a class it needs is missing: com.acme.lib.Uploader (add its jar to the plugins"
                + " directory)");
    }

    @Test
    void aClassOfTheWrongInterfaceIsOneMessage() {
        Path jar = PluginJarBuilder.named("broken-exporter")
                .source("com.acme.Broken", "package com.acme; public final class Broken { }")
                .manifest(manifest())
                .build(pluginsDir());

        CliRun run = profile();

        assertOneFailure(run, jar, "the class does not implement dev.aiperf.api.export.DataExporter");
    }

    @Test
    void aClassWithoutTheContractsConstructorNamesTheOneExpected() {
        Path jar = brokenExporter("""
                public final class Broken implements DataExporter {
                    public Broken(dev.aiperf.api.config.BenchmarkConfig config) { }
                """);

        CliRun run = profile();

        assertOneFailure(run, jar, "no usable constructor: expected public Broken(dev.aiperf.api.export.ExporterContext)"
                + " or public Broken(); it has Broken(BenchmarkConfig)");
    }

    @Test
    void verboseAddsTheStackTrace() {
        brokenExporter("""
                public final class Broken implements DataExporter {
                    public Broken(ExporterContext context) { throw new IllegalStateException("boom"); }
                """);

        CliRun run = profile("--verbose");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("plugin data_exporter:broken failed: its constructor threw IllegalStateException:"
                + " boom").contains("Caused by: java.lang.IllegalStateException: boom").contains("com.acme.Broken.<init>");
    }

    private Path brokenExporter(String classOpening) {
        return PluginJarBuilder.named("broken-exporter")
                .source("com.acme.Broken", EXPORTER_IMPORTS + classOpening + EXPORTER_METHODS + "}\n")
                .manifest(manifest())
                .build(pluginsDir());
    }

    private static String manifest() {
        return """
                schema_version: "1.0"
                plugin:
                  name: broken-exporter
                  version: 0.3.1
                data_exporter:
                  broken:
                    class: com.acme.Broken
                """;
    }

    private Path pluginsDir() {
        return dir.resolve("plugins");
    }

    private CliRun profile(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("profile", "--mock", "--mock-ttft", "0", "--mock-itl",
                "0", "--request-count", "2", "--isl", "8", "--osl", "2", "--ui", "none", "--plugins-dir",
                pluginsDir().toString(), "--artifact-dir", dir.resolve("run").toString()));
        args.addAll(Arrays.asList(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Exit 1, one error line naming everything, no stack trace, and not one request sent. */
    private void assertOneFailure(CliRun run, Path jar, String cause) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        List<String> errors = run.err().lines().filter(l -> l.startsWith("aiperf: error:")).toList();
        assertThat(errors).as(run.err()).hasSize(1);
        assertThat(errors.getFirst()).startsWith("aiperf: error: plugin data_exporter:broken failed: " + cause)
                .contains("class com.acme.Broken").contains("package broken-exporter 0.3.1")
                .contains("jar " + jar);
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception in");
        assertThat(Files.exists(dir.resolve("run").resolve("profile_export.jsonl")))
                .as("no request was sent, no record written").isFalse();
    }
}
