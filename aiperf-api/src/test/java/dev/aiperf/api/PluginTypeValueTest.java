package dev.aiperf.api;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aiperf.api.endpoint.Endpoint;
import dev.aiperf.plugin.Category;
import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.UnknownCategoryException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PluginType as a value: serialisable to the same constant, JSON as its name, and open categories through of(). */
class PluginTypeValueTest {

    /** Holds category keys the way a config record would. */
    record Choice(PluginType<?> builtin, Category<?> any) {
    }

    @Test
    void serialisationGivesBackTheSameConstant() throws Exception {
        for (PluginType<?> type : PluginType.values()) {
            assertThat(roundTrip(type)).isSameAs(type);
        }
    }

    @Test
    void jsonIsTheNameAndReadsBackToTheConstant() throws Exception {
        JsonMapper json = JsonMapper.builder().build();

        String text = json.writeValueAsString(new Choice(PluginType.DATA_EXPORTER, Category.named("my-thing")));
        Choice read = json.readValue(text, Choice.class);

        assertThat(text).isEqualTo("{\"builtin\":\"data_exporter\",\"any\":\"my_thing\"}");
        assertThat(read.builtin()).isSameAs(PluginType.DATA_EXPORTER);
        assertThat(read.any().name()).isEqualTo("my_thing");
        assertThat(json.readValue("\"Endpoint\"", PluginType.class)).isSameAs(PluginType.ENDPOINT);
        assertThatThrownBy(() -> json.readValue("\"endpont\"", PluginType.class))
                .hasRootCauseInstanceOf(UnknownCategoryException.class)
                .rootCause().hasMessageContaining("Did you mean 'endpoint'?");
    }

    @Test
    void valueOfAcceptsOnlyBuiltinsWhileOfAlsoReachesOpenCategories() {
        PluginRegistry registry = PluginRegistry.builder().pluginsDir(null).build();
        registry.register("widget", "custom", CustomEndpoint.class, 0, false);

        assertThat(PluginType.valueOf("ENDPOINT")).isSameAs(PluginType.ENDPOINT);
        assertThatThrownBy(() -> PluginType.valueOf("widget")).isInstanceOf(UnknownCategoryException.class);
        assertThat(registry.getClass(PluginType.of("widget"), "custom")).isSameAs(CustomEndpoint.class);
        assertThat(registry.listCategories(false)).contains("widget");
        Class<? extends Endpoint> typed = registry.getClass(PluginType.ENDPOINT,
                registry.register(PluginType.ENDPOINT, "custom", CustomEndpoint.class, 0, false).name());
        assertThat(typed).isSameAs(CustomEndpoint.class);
    }

    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
