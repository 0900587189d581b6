package dev.aiperf.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Colours are off when output is piped (NO_COLOR and TERM=dumb are AiperfEnvironmentTest's): the forked test JVM
 * writes to a pipe, so the real check must say so.
 */
class SystemTerminalColorsTest {

    @Test
    void aPipeIsNotATerminalSoNothingIsColoured() {
        assertThat(SystemTerminal.isInteractive()).isFalse();
        assertThat(SystemTerminal.colors()).isFalse();
        assertThat(SystemTerminal.terminal()).isEmpty();
    }
}
