package dev.aiperf.plugin;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aiperf.plugin.fixtures.Greeter;
import dev.aiperf.plugin.fixtures.HelloGreeter;
import dev.aiperf.plugin.fixtures.PoliteGreeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** hasType, iterAll, lazy metadata, enums, serialisation, reset and the discovery log line. */
class RegistryApiTest {
    static final Category<Greeter> GREETER = Category.of("greeter", Greeter.class);

    @TempDir
    Path dir;

    private final PluginRegistry registry = PluginRegistry.builder().pluginsDir(null).build();

    @AfterEach
    void close() throws IOException {
        registry.close();
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("plugins.yaml"), yaml);
    }

    @Test
    void hasTypeAnswersForNamesClassPathsAndUnknownCategories() {
        assertThat(registry.hasType(GREETER, "Hello")).isTrue();
        assertThat(registry.hasType("greeter", "dev.aiperf.plugin.fixtures.HelloGreeter")).isTrue();
        assertThat(registry.hasType("greeter", "nope")).isFalse();
        assertThat(registry.hasType("channel", "dev.aiperf.plugin.fixtures.HelloGreeter")).isFalse();
        assertThat(registry.hasType("no_such_category", "hello")).isFalse();
    }

    @Test
    void iterAllLoadsLazilyAndAFailureSurfacesInsteadOfBeingSkipped() throws IOException {
        RecordingClassLoader recorder = new RecordingClassLoader(getClass().getClassLoader());
        try (PluginRegistry recording = PluginRegistry.builder().classLoader(recorder).pluginsDir(null).build()) {
            recording.loadRegistry(write("""
                    plugin: {name: mixed}
                    greeter:
                      missing: {class: com.example.DoesNotExist}
                      polite: {class: dev.aiperf.plugin.fixtures.PoliteGreeter}
                    """));

            Iterator<LoadedType<Greeter>> types = recording.iterAll(GREETER).iterator();
            assertThat(recorder.requested()).doesNotContain("dev.aiperf.plugin.fixtures.HelloGreeter");

            LoadedType<Greeter> first = types.next();
            assertThat(first.entry().name()).isEqualTo("hello");
            assertThat(first.type()).isSameAs(HelloGreeter.class);
            assertThat(recorder.requested()).doesNotContain("dev.aiperf.plugin.fixtures.FriendlyGreeter");
            assertThat(types.next().entry().name()).isEqualTo("friendly");
            assertThatThrownBy(types::next).isInstanceOf(PluginLoadException.class)
                    .hasMessageContaining("com.example.DoesNotExist").hasMessageContaining("was not found");
            assertThat(types.next().type()).isSameAs(PoliteGreeter.class);
            assertThat(types.hasNext()).isFalse();
        }
        List<String> names = new ArrayList<>();
        for (LoadedType<Object> type : registry.iterAll("greeter")) {
            names.add(type.entry().name() + "=" + type.type().getSimpleName());
        }
        assertThat(names).containsExactly("hello=HelloGreeter", "friendly=FriendlyGreeter");
    }

    @Test
    void aMissingClassOrMetadataThatDoesNotFitStillRegisters() throws IOException {
        registry.loadRegistry(write("""
                plugin: {name: lazy}
                greeter:
                  ghost:
                    class: com.example.Ghost
                  odd:
                    class: dev.aiperf.plugin.fixtures.PoliteGreeter
                    metadata: {language: 42, unknown_key: true}
                widget:
                  typed:
                    class: dev.aiperf.plugin.fixtures.PoliteGreeter
                    metadata: {count: 42, ratio: 0.5, flag: true, names: [a, 1], nested: {n: 7}}
                """));

        assertThat(registry.hasType("greeter", "ghost")).isTrue();
        assertThatThrownBy(() -> registry.getClass("greeter", "ghost")).isInstanceOf(PluginLoadException.class);
        assertThat(registry.getType("greeter", "ghost").validate(true).error()).contains("com.example.Ghost not found");

        TypeEntry odd = registry.getType("greeter", "odd");
        assertThat(odd.metadata()).containsEntry("language", 42);
        assertThatThrownBy(odd::typedMetadata).isInstanceOf(ManifestException.class)
                .hasMessageContaining("unknown key 'unknown_key'");
        assertThat(odd.validate(true).valid()).isFalse();

        Map<String, Object> metadata = registry.getType("widget", "typed").metadata();
        assertThat(metadata.get("count")).isInstanceOf(Integer.class).isEqualTo(42);
        assertThat(metadata.get("ratio")).isInstanceOf(Double.class).isEqualTo(0.5);
        assertThat(metadata.get("flag")).isEqualTo(Boolean.TRUE);
        assertThat(metadata.get("names")).isEqualTo(List.of("a", 1));
        assertThat(metadata.get("nested")).isEqualTo(Map.of("n", 7));
    }

    @Test
    void anEnumOfExplicitMembersResolvesByNameOrValue() {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("FAST", "fast-lane");
        members.put("SLOW", "slow-lane");

        DynamicEnum lanes = registry.createDynamicEnum("Lane", members);

        assertThat(lanes.name()).isEqualTo("Lane");
        assertThat(lanes.category()).isEmpty();
        assertThat(lanes.values()).containsExactly("fast-lane", "slow-lane");
        assertThat(lanes.member("FAST")).isSameAs(lanes.member("fast-lane"));
        assertThat(lanes.member("SLOW").ordinal()).isEqualTo(1);
        assertThat(lanes.member("SLOW").toString()).isEqualTo("slow-lane");
        assertThat(lanes.member("FAST").declaringEnum()).isSameAs(lanes);
        assertThatThrownBy(() -> lanes.member("medium")).isInstanceOf(TypeNotFoundException.class);
        assertThat(Plugins.createDynamicEnum("Lane", members)).isEqualTo(lanes);
        assertThatThrownBy(() -> DynamicEnum.of("Bad", Map.of("A", "x", "B", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeats");
    }

    @Test
    void createEnumNamesMembersAfterTypesAndUsesTheDeclaredEnumName() {
        DynamicEnum greeters = registry.createEnum(GREETER);

        assertThat(greeters.name()).isEqualTo("GreeterType");
        assertThat(greeters.category()).contains("greeter");
        assertThat(greeters.members()).extracting(DynamicEnum.Member::name).containsExactly("HELLO", "FRIENDLY");
        assertThat(greeters.member("Friendly").value()).isEqualTo("friendly");
        assertThat(registry.createEnum("channel").name()).isEqualTo("ChannelType");
    }

    @Test
    void enumMembersAndCategoriesSerialiseToTheCanonicalValue() throws Exception {
        DynamicEnum greeters = registry.createEnum(GREETER, "GreeterKind");
        DynamicEnum.Member hello = greeters.member("hello");

        assertThat(roundTrip(hello)).isSameAs(hello);
        assertThat(roundTrip(greeters)).isSameAs(greeters);
        assertThat(roundTrip(GREETER)).isEqualTo(GREETER);
        assertThat(((Category<?>) roundTrip(GREETER)).protocol()).isSameAs(Greeter.class);

        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.writeValueAsString(List.of(hello, GREETER))).isEqualTo("[\"hello\",\"greeter\"]");
        assertThat(json.readValue("\"Data-Exporter\"", Category.class).name()).isEqualTo("data_exporter");
    }

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    void aMemberOfAnEnumUnknownInThisJvmRebuildsItsEnum() throws Exception {
        DynamicEnum original = DynamicEnum.of("OnlyHere" + System.nanoTime(), Map.of("A", "a"));
        DynamicEnum.Member a = original.member("A");
        byte[] serialised;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        serialised = bytes.toByteArray();
        DynamicEnum replacement = DynamicEnum.of(original.name(), Map.of("B", "b"));

        DynamicEnum.Member read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialised))) {
            read = (DynamicEnum.Member) in.readObject();
        }

        assertThat(read).isEqualTo(a).isNotSameAs(a);
        assertThat(read.declaringEnum()).isEqualTo(original).isNotSameAs(replacement);
    }

    @Test
    void resetRestoresTheDiscoveredStateAndDropsRuntimeChanges() throws IOException {
        List<String> before = registry.listTypes(GREETER).stream().map(TypeEntry::toString).toList();
        registry.register(GREETER, "hello", PoliteGreeter.class, 100, false);
        registry.register("brand_new", "x", PoliteGreeter.class, 0, false);
        registry.loadRegistry(write("plugin: {name: loaded}\ngreeter:\n  extra: {class: x.Y}\n"));

        registry.reset();

        assertThat(registry.listTypes(GREETER).stream().map(TypeEntry::toString).toList()).isEqualTo(before);
        assertThat(registry.listCategories(true)).containsExactly("greeter", "channel", "secret");
        assertThat(registry.listPackages(false)).containsExactly("aiperf");
        assertThat(registry.getClass(GREETER, "hello")).isSameAs(HelloGreeter.class);
    }

    @Test
    void eachDiscoveryEndsWithOneInfoLineCountingLoadedAndSkippedManifests() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJar.create().manifest("good/plugins.yaml", "plugin: {name: good}\n")
                .writeTo(plugins.resolve("good.jar"));
        PluginJar.create().manifest("bad/plugins.yaml", "plugin: {name: bad}\ngreeter: {x: {klass: a.B}}\n")
                .writeTo(plugins.resolve("bad.jar"));
        Logger logger = Logger.getLogger(PluginRegistry.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addHandler(handler);
        try (PluginRegistry scanning = PluginRegistry.builder().pluginsDir(plugins).build()) {
            scanning.discoverPlugins();
            scanning.reset();
            scanning.discoverPlugins();
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }

        // One line per discovery: the first, and the one after reset().
        assertThat(records).filteredOn(r -> r.getLevel() == Level.INFO).extracting(LogRecord::getMessage)
                .containsExactly("Plugin discovery: 2 manifests loaded, 1 skipped (plugins directory " + plugins + ")",
                        "Plugin discovery: 2 manifests loaded, 1 skipped (plugins directory " + plugins + ")");
    }
}
