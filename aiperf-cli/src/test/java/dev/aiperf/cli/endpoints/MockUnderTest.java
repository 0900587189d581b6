package dev.aiperf.cli.endpoints;

import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;

/** A real mock server on loopback with no latency, counting in the client's fallback tokenizer (cl100k_base). */
record MockUnderTest(MockServer server) implements AutoCloseable {

    static MockUnderTest start() {
        return new MockUnderTest(MockServer.start(
                MockServerConfig.builder().port(0).fast(true).tokenizer("cl100k_base").build()));
    }

    @Override
    public void close() {
        server.close();
    }
}
