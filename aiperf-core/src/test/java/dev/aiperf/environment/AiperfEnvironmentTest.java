package dev.aiperf.environment;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AiperfEnvironmentTest {

    @Test
    void readsTheGivenMapNotTheProcess() {
        AiperfEnvironment env = AiperfEnvironment.of(Map.of("COLUMNS", " 150 ", "AIPERF_PLUGINS_DIR", "/opt/p",
                "AIPERF_HTTP_TRACE", "  "));
        assertThat(env.columns()).hasValue(150);
        assertThat(env.pluginsDir()).contains(Path.of("/opt/p"));
        assertThat(env.get("AIPERF_HTTP_TRACE")).as("blank is unset").isEmpty();
        assertThat(env.raw("AIPERF_HTTP_TRACE")).isEqualTo("  ");
        assertThat(env.colorsOff()).isFalse();
    }

    @Test
    void noColorOrADumbTerminalTurnColoursOff() {
        assertThat(AiperfEnvironment.of(Map.of("NO_COLOR", "1")).colorsOff()).isTrue();
        assertThat(AiperfEnvironment.of(Map.of("NO_COLOR", "")).colorsOff()).as("no-color.org: empty is unset")
                .isFalse();
        assertThat(AiperfEnvironment.of(Map.of("TERM", "dumb")).colorsOff()).isTrue();
    }

    @Test
    void aColumnsThatIsNoNumberIsIgnored() {
        assertThat(AiperfEnvironment.of(Map.of("COLUMNS", "wide")).columns()).isEmpty();
    }

    @Test
    void everyVariableIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        assertThat(AiperfEnvironment.VARIABLES).hasSizeGreaterThan(15)
                .allSatisfy(name -> assertThat(doc).contains("`" + name + "`"));
    }
}
