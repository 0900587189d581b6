package dev.aiperf.plugin;

import dev.aiperf.plugin.fixtures.HelloGreeter;
import dev.aiperf.plugin.fixtures.NotAGreeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A category no categories file declares is opened by its first entry, as in the original. */
class OpenCategoriesTest {
    @TempDir
    Path dir;

    private PluginRegistry registry = PluginRegistry.builder().pluginsDir(null).build();

    @AfterEach
    void close() throws IOException {
        registry.close();
    }

    @Test
    void aManifestOpensAnUndeclaredCategoryEveryLookupSees() throws IOException {
        Path file = Files.writeString(dir.resolve("plugins.yaml"), """
                schema_version: "1.0"
                plugin: {name: widgets}
                widget:
                  small: {class: dev.aiperf.plugin.fixtures.HelloGreeter, metadata: {size: 42}}
                  other: {class: dev.aiperf.plugin.fixtures.NotAGreeter}
                """);

        registry.loadRegistry(file);

        CategoryMetadata widget = registry.getCategoryMetadata("widget");
        assertThat(widget.hasProtocol()).isFalse();
        assertThat(widget.metadataClass()).isNull();
        assertThat(widget.internal()).isFalse();
        assertThat(widget.source()).isEqualTo(new ManifestLocation(file.toString(), 3, 1));
        assertThat(registry.listCategories(false)).contains("widget");
        assertThat(registry.listTypes("widget")).extracting(TypeEntry::name).containsExactly("small", "other");
        assertThat(registry.getClass("widget", "small")).isSameAs(HelloGreeter.class);
        assertThat(registry.getClass("widget", "other")).isSameAs(NotAGreeter.class);
        assertThat(registry.createEnum("widget").values()).containsExactly("small", "other");
        assertThat(registry.createEnum("widget").name()).isEqualTo("WidgetType");
        assertThat(registry.hasType("widget", "small")).isTrue();
        assertThat(registry.validateAll(true)).allMatch(ValidationResult::valid);
        // Not a near miss of a declared category: no warning.
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void registerOpensACategoryByNameAndATypedOneWithItsProtocol() {
        registry.register("gadget", "g", NotAGreeter.class, 0, false);
        registry.register(Category.named("gizmo"), "z", HelloGreeter.class, 0, false);
        registry.register(Category.of("runner", Runnable.class), "r", NoopRunnable.class, 0, false);

        assertThat(registry.getCategoryMetadata("gadget").hasProtocol()).isFalse();
        assertThat(registry.getCategoryMetadata("gizmo").hasProtocol()).isFalse();
        assertThat(registry.getCategoryMetadata("runner").protocol()).isEqualTo(Runnable.class.getName());
        assertThat(registry.listCategories(true)).contains("gadget", "gizmo", "runner");
        assertThat(registry.getClass("gadget", "g")).isSameAs(NotAGreeter.class);
        // Once a category has a protocol, it is enforced.
        assertThatThrownBy(() -> registry.register("runner", "bad", NotAGreeter.class, 0, false))
                .isInstanceOf(PluginLoadException.class).hasMessageContaining("does not implement java.lang.Runnable");
    }

    @Test
    void anEmptyRegistryAcceptsRegistrationsInAnyCategory() {
        try (PluginRegistry empty = PluginRegistry.empty()) {
            empty.register("anything", "x", NotAGreeter.class, 0, false);
            empty.register("greeter", "y", NotAGreeter.class, 0, true);

            assertThat(empty.listCategories(true)).containsExactly("anything", "greeter");
            assertThat(empty.getClass("greeter", "y")).isSameAs(NotAGreeter.class);
            assertThat(empty.listPackages(false)).containsExactly("runtime", "aiperf");
            assertThat(empty.problems()).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unknownCategoriesAreStillUnknownToLookups() {
        assertThatThrownBy(() -> registry.listTypes("never_used")).isInstanceOf(UnknownCategoryException.class);
        assertThat(registry.hasType("never_used", "x")).isFalse();
    }

    @Test
    void aPluginJarCategoryWithAProtocolIsAnExtensionPointForOtherPlugins() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path provider = PluginJar.create()
                .source("shapes.Shape", "package shapes; public interface Shape { double area(); }")
                .source("shapes.Square", "package shapes; public class Square implements Shape {"
                        + " public double area() { return 1; } }")
                .categories("shapes/categories.yaml", "shape:\n  protocol: shapes.Shape\n  enum: ShapeType\n")
                .manifest("shapes/plugins.yaml", "plugin: {name: shapes}\nshape:\n  square: {class: shapes.Square}\n")
                .writeTo(plugins.resolve("a-shapes.jar"));
        PluginJar.create()
                .classPath(provider)
                .source("circles.Circle", "package circles; public class Circle implements shapes.Shape {"
                        + " public double area() { return Math.PI; } }")
                .source("circles.NotAShape", "package circles; public class NotAShape {}")
                .manifest("circles/plugins.yaml", """
                        plugin: {name: circles}
                        shape:
                          circle: {class: circles.Circle}
                          wrong: {class: circles.NotAShape}
                        """)
                .writeTo(plugins.resolve("b-circles.jar"));
        registry = PluginRegistry.builder().pluginsDir(plugins).build();

        Class<?> circle = registry.getClass("shape", "circle");
        Class<?> square = registry.getClass("shape", "square");

        Class<?> shape = square.getInterfaces()[0];
        assertThat(shape.getName()).isEqualTo("shapes.Shape");
        assertThat(shape.isAssignableFrom(circle)).as("one Shape interface for both jars").isTrue();
        assertThat(registry.createEnum("shape").name()).isEqualTo("ShapeType");
        assertThatThrownBy(() -> registry.getClass("shape", "wrong")).isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("does not implement shapes.Shape");
        assertThat(registry.getType("shape", "circle").validate(true).valid()).isTrue();
        assertThat(registry.getType("shape", "wrong").validate(true).error()).contains("does not implement shapes.Shape");
    }

    /** A Runnable for the typed-category test. */
    public static final class NoopRunnable implements Runnable {
        @Override
        public void run() {
        }
    }
}
