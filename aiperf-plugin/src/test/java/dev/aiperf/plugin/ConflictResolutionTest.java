package dev.aiperf.plugin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The guide's conflict rules, the explanation each decision leaves, and losers reachable by class path. */
class ConflictResolutionTest {
    @TempDir
    Path dir;

    private final PluginRegistry registry = PluginRegistry.builder().pluginsDir(null).build();

    private void load(String packageName, String name, String className, int priority) throws IOException {
        Path file = Files.writeString(dir.resolve(packageName + "-" + name + ".yaml"), """
                schema_version: "1.0"
                plugin:
                  name: %s
                greeter:
                  %s:
                    class: %s
                    priority: %d
                """.formatted(packageName, name, className, priority));
        registry.loadRegistry(file);
    }

    @Test
    void higherPriorityWinsWhicheverComesFirst() throws IOException {
        load("ext", "hello", "dev.aiperf.plugin.fixtures.PoliteGreeter", -1);
        load("ext2", "hello", "dev.aiperf.plugin.fixtures.FriendlyGreeter", 5);

        Explanation explanation = registry.explain("greeter", "hello");

        assertThat(explanation.winner().packageName()).isEqualTo("ext2");
        assertThat(explanation.candidates()).extracting(TypeEntry::packageName).containsExactly("aiperf", "ext", "ext2");
        assertThat(explanation.decisions()).extracting(Explanation.Decision::rule, Explanation.Decision::challengerWon)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ConflictRule.PRIORITY, false),
                        org.assertj.core.groups.Tuple.tuple(ConflictRule.PRIORITY, true));
        assertThat(explanation.decisions().get(1).describe()).isEqualTo(
                "dev.aiperf.plugin.fixtures.FriendlyGreeter [ext2, priority 5] beat "
                        + "dev.aiperf.plugin.fixtures.HelloGreeter [aiperf, priority 0]: PRIORITY");
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void atEqualPriorityExternalBeatsBuiltin() throws IOException {
        load("ext", "hello", "dev.aiperf.plugin.fixtures.PoliteGreeter", 0);

        assertThat(registry.getType("greeter", "hello").classPath()).isEqualTo("dev.aiperf.plugin.fixtures.PoliteGreeter");
        assertThat(registry.explain("greeter", "hello").decisions()).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo(ConflictRule.EXTERNAL_BEATS_BUILTIN);
            assertThat(d.challengerWon()).isTrue();
        });
    }

    @Test
    void aBuiltinRegisteredAfterAnExternalAtEqualPriorityLoses() {
        PluginRegistry empty = PluginRegistry.empty();
        Category<dev.aiperf.plugin.fixtures.Greeter> greeter = Category.of("greeter",
                dev.aiperf.plugin.fixtures.Greeter.class);
        empty.register(greeter, "x", dev.aiperf.plugin.fixtures.PoliteGreeter.class, 0, false);
        empty.register(greeter, "x", dev.aiperf.plugin.fixtures.HelloGreeter.class, 0, true);

        assertThat(empty.getType(greeter, "x").packageName()).isEqualTo("runtime");
        assertThat(empty.explain(greeter, "x").decisions().getFirst().rule())
                .isEqualTo(ConflictRule.EXTERNAL_BEATS_BUILTIN);
    }

    @Test
    void atEqualPriorityBetweenExternalsTheFirstWinsWithAWarning() throws IOException {
        load("first", "shout", "dev.aiperf.plugin.fixtures.PoliteGreeter", 1);
        load("second", "shout", "dev.aiperf.plugin.fixtures.FriendlyGreeter", 1);

        assertThat(registry.getType("greeter", "shout").packageName()).isEqualTo("first");
        assertThat(registry.explain("greeter", "shout").decisions()).singleElement()
                .extracting(Explanation.Decision::rule).isEqualTo(ConflictRule.FIRST_WINS);
        assertThat(registry.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("greeter 'shout' is registered twice at priority 1")
                    .contains("PoliteGreeter (first) stays").contains("raise its priority");
        });
    }

    @Test
    void losersStayReachableByClassPath() throws IOException {
        load("ext", "hello", "dev.aiperf.plugin.fixtures.PoliteGreeter", 10);

        assertThat(registry.getClass("greeter", "hello").getSimpleName()).isEqualTo("PoliteGreeter");
        assertThat(registry.getClass("greeter", "dev.aiperf.plugin.fixtures.HelloGreeter").getSimpleName())
                .isEqualTo("HelloGreeter");
        assertThat(registry.getType("greeter", "dev.aiperf.plugin.fixtures:HelloGreeter").packageName())
                .isEqualTo("aiperf");
        assertThat(registry.listTypes("greeter")).extracting(TypeEntry::classPath)
                .doesNotContain("dev.aiperf.plugin.fixtures.HelloGreeter");
        assertThat(registry.allEntries()).extracting(TypeEntry::classPath)
                .contains("dev.aiperf.plugin.fixtures.HelloGreeter", "dev.aiperf.plugin.fixtures.PoliteGreeter");
        assertThat(registry.findRegisteredName("greeter", dev.aiperf.plugin.fixtures.HelloGreeter.class))
                .contains("hello");
    }

    @Test
    void loadingTheSameManifestTwiceIsNotAConflict() throws IOException {
        load("ext", "shout", "dev.aiperf.plugin.fixtures.PoliteGreeter", 1);
        load("ext", "shout", "dev.aiperf.plugin.fixtures.PoliteGreeter", 1);

        assertThat(registry.explain("greeter", "shout").contested()).isFalse();
        assertThat(registry.conflicts()).isEmpty();
    }

    @Test
    void conflictsListsOnlyContestedNames() throws IOException {
        load("ext", "hello", "dev.aiperf.plugin.fixtures.PoliteGreeter", 1);

        assertThat(registry.conflicts()).extracting(Explanation::category, Explanation::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("greeter", "hello"));
    }
}
