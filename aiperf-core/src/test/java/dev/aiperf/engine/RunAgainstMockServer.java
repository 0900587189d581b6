package dev.aiperf.engine;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What the engine's end-to-end tests stand on: a real mock server on a free loopback port (closed after each test),
 * a fresh directory, and whole runs against it whose console output and warnings are kept for assertions.
 */
abstract class RunAgainstMockServer {
    @TempDir
    Path dir;
    MockServer server;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    /** Warnings; the same buffer as {@link #out} where the test reads one console as a terminal shows it. */
    final ByteArrayOutputStream err;

    RunAgainstMockServer() {
        this(false);
    }

    /** @param oneConsole whether warnings go to {@link #out} too, interleaved as they are written */
    RunAgainstMockServer(boolean oneConsole) {
        err = oneConsole ? out : new ByteArrayOutputStream();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Starts the mock with these settings on a free loopback port; a test configuration against it. */
    TestConfigs against(MockServerConfig.Builder mock) {
        server = MockServer.start(mock.host("127.0.0.1").port(0).build());
        return TestConfigs.against(server.baseUrl(), dir.resolve("artifacts"));
    }

    /** The run prepared, its output and warnings going to {@link #out} and {@link #err}. */
    BenchmarkRunner.Prepared prepare(BenchmarkConfig config) throws IOException {
        return BenchmarkRunner.prepare(config, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    BenchmarkOutcome run(BenchmarkConfig config) throws IOException {
        return prepare(config).run();
    }

    BenchmarkOutcome run(TestConfigs config) throws IOException {
        return run(config.build());
    }
}
