package dev.aiperf.study.recipe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The grids equal the original's {@code _logspace_int_steps} (values computed with its formula in Python). */
class LogSpacedGridTest {
    @Test
    void theRecipesDefaultGridsAreTheOriginals() {
        assertThat(LogSpacedGrid.of(1, 1000, 8)).containsExactly(1, 3, 7, 19, 52, 139, 373, 1000);
        assertThat(LogSpacedGrid.of(256, 32768, 8)).containsExactly(256, 512, 1024, 2048, 4096, 8192, 16384, 32768);
        assertThat(LogSpacedGrid.of(1, 200, 6)).containsExactly(1, 3, 8, 24, 69, 200);
        assertThat(LogSpacedGrid.of(64, 1024, 4)).containsExactly(64, 161, 406, 1024);
    }

    @Test
    void duplicatesFromRoundingCollapse() {
        assertThat(LogSpacedGrid.of(1, 3, 8)).containsExactly(1, 2, 3);
    }

    @Test
    void badBoundsAreRefused() {
        assertThatThrownBy(() -> LogSpacedGrid.of(4, 4, 3)).hasMessageContaining("1 <= min < max");
        assertThatThrownBy(() -> LogSpacedGrid.of(1, 4, 1)).hasMessageContaining("2 or more steps");
    }
}
