package dev.aiperf.cli.endpoints;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * What every endpoint test stands on: one real mock server for the test class (started before its first test, closed
 * after its last) and a fresh directory for each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AgainstMockServer {
    MockUnderTest mock;

    @TempDir
    Path dir;

    @BeforeAll
    void startMock() {
        mock = MockUnderTest.start();
    }

    @AfterAll
    void stopMock() {
        mock.close();
    }

    /** {@code aiperf profile} against the mock with these arguments, its artifacts in {@code dir/runName}. */
    EndpointRun profile(String runName, String... args) {
        return EndpointRun.of(mock, dir.resolve(runName), args);
    }
}
