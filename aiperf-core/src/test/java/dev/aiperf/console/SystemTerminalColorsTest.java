package dev.aiperf.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When console output is coloured: on a terminal only, never with NO_COLOR set or TERM=dumb. */
class SystemTerminalColorsTest {

    @Test
    void onATerminalWithoutNoColorAndNotDumb() {
        assertThat(SystemTerminal.colors(true, null, "xterm-256color")).isTrue();
        assertThat(SystemTerminal.colors(true, "", "xterm")).as("an empty NO_COLOR does not count").isTrue();
        assertThat(SystemTerminal.colors(true, null, null)).isTrue();
    }

    @Test
    void offWhenPipedWithNoColorOrOnADumbTerminal() {
        assertThat(SystemTerminal.colors(false, null, "xterm")).as("piped or a file").isFalse();
        assertThat(SystemTerminal.colors(true, "1", "xterm")).as("NO_COLOR=1").isFalse();
        assertThat(SystemTerminal.colors(true, null, "dumb")).as("TERM=dumb").isFalse();
    }

    @Test
    void aTestRunIsNotATerminalSoNothingIsColoured() {
        // surefire's forked JVM writes to a pipe: the real check must say so
        assertThat(SystemTerminal.isInteractive()).isFalse();
        assertThat(SystemTerminal.colors()).isFalse();
    }
}
