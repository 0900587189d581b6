package dev.aiperf.cli.endpoints;

import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;

/** A real mock server on loopback with no latency, shared by the tests of one class. */
record MockUnderTest(MockServer server) implements AutoCloseable {

    static MockUnderTest start() {
        return new MockUnderTest(MockServer.start(MockServerConfig.builder().port(0).fast(true).build()));
    }

    @Override
    public void close() {
        server.close();
    }
}
