package dev.aiperf.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.plugin.fixtures.GreeterType;
import dev.aiperf.plugin.fixtures.PoliteGreeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Extensible enums: constants for built-ins, registry-checked values for plugin names, JSON as a string. */
class PluginNameTest {
    private final PluginRegistry registry = PluginRegistry.builder().pluginsDir(null).build();
    private PluginRegistry previous;

    record Config(GreeterType greeter) {
    }

    @BeforeEach
    void install() {
        previous = Plugins.setRegistry(registry);
    }

    @AfterEach
    void restore() {
        if (previous != null) {
            Plugins.setRegistry(previous);
        }
    }

    @Test
    void constantsAreValuesOfTheirOwnName() {
        assertThat(GreeterType.HELLO.value()).isEqualTo("hello");
        assertThat(GreeterType.HELLO).hasToString("hello");
        assertThat(GreeterType.of("Hello")).isSameAs(GreeterType.HELLO);
        assertThat(GreeterType.HELLO.category()).isEqualTo(GreeterType.CATEGORY);
        assertThat(GreeterType.HELLO.entry().classPath()).isEqualTo("dev.aiperf.plugin.fixtures.HelloGreeter");
    }

    @Test
    void namesRegisteredByPluginsAreAcceptedAndInterned() {
        registry.register(GreeterType.CATEGORY, "my_custom", PoliteGreeter.class, 0, false);

        GreeterType custom = GreeterType.of("My-Custom");

        assertThat(custom.value()).isEqualTo("my_custom");
        assertThat(GreeterType.of("my_custom")).isSameAs(custom).isEqualTo(custom).isNotEqualTo(GreeterType.HELLO);
        assertThat(GreeterType.values()).extracting(GreeterType::value).containsExactly("hello", "friendly", "my_custom");
    }

    @Test
    void unknownNamesAreAClearErrorWithSuggestions() {
        assertThatThrownBy(() -> GreeterType.of("frendly")).isInstanceOf(TypeNotFoundException.class)
                .hasMessage("Unknown greeter type 'frendly'. Did you mean 'friendly'? Available: friendly, hello.");
    }

    @Test
    void valuesSerialiseAsTheirNameAndParseThroughOf() throws Exception {
        ObjectMapper mapper = new ObjectMapper();

        String json = mapper.writeValueAsString(new Config(GreeterType.HELLO));
        Config parsed = mapper.readValue("{\"greeter\":\"FRIENDLY\"}", Config.class);

        assertThat(json).isEqualTo("{\"greeter\":\"hello\"}");
        assertThat(parsed.greeter().value()).isEqualTo("friendly");
        assertThatThrownBy(() -> mapper.readValue("{\"greeter\":\"nope\"}", Config.class))
                .hasRootCauseInstanceOf(TypeNotFoundException.class);
    }

    @Test
    void valuesOfDifferentClassesNeverCompareEqual() {
        PluginName other = new PluginName("hello") {
            @Override
            public Category<?> category() {
                return GreeterType.CATEGORY;
            }
        };

        assertThat(other).isNotEqualTo(GreeterType.HELLO);
        assertThat(other.compareTo(GreeterType.HELLO)).isZero();
    }
}
