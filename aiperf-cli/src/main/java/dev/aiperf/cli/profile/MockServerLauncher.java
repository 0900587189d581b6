package dev.aiperf.cli.profile;

import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;

/** Starts the embedded mock server for {@code --mock}: loopback, a free port, this JVM. */
final class MockServerLauncher {

    private MockServerLauncher() {
    }

    static MockServer start(ServiceOptions options) {
        MockServerConfig.Builder config = MockServerConfig.builder().host(MockServerConfig.DEFAULT_HOST).port(0);
        if (options.mockTtftMs != null) {
            config.ttftMs(options.mockTtftMs);
        }
        if (options.mockItlMs != null) {
            config.itlMs(options.mockItlMs);
        }
        return MockServer.start(config.build());
    }
}
