package dev.aiperf.cli.profile;

import dev.aiperf.api.tokenizer.TokenizerSpec;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import dev.aiperf.tokenizers.LocalTokenizers;

import java.io.PrintStream;

/**
 * Starts the embedded mock server for {@code --mock}: loopback, a free port, this JVM, counting in the run's
 * tokenizer so that its usage agrees with the client's counts.
 */
final class MockServerLauncher {

    private MockServerLauncher() {
    }

    static MockServer start(ServiceOptions options, TokenizerSpec tokenizer, PrintStream err) {
        MockServerConfig.Builder config = MockServerConfig.builder().host(MockServerConfig.DEFAULT_HOST).port(0);
        if (tokenizer != null) {
            try {
                LocalTokenizers.load(tokenizer.name(), tokenizer.revision());
                config.tokenizer(tokenizer.name()).tokenizerRevision(tokenizer.revision());
            } catch (IllegalArgumentException pluginTokenizer) {
                err.println("aiperf: warning: the mock server cannot load tokenizer '" + tokenizer.name()
                        + "' (only built-in ones), so it counts tokens in character chunks");
            }
        }
        if (options.mockTtftMs != null) {
            config.ttftMs(options.mockTtftMs);
        }
        if (options.mockItlMs != null) {
            config.itlMs(options.mockItlMs);
        }
        return MockServer.start(config.build());
    }
}
