package dev.aiperf.plugin;

import dev.aiperf.plugin.fixtures.Channel;
import dev.aiperf.plugin.fixtures.Greeter;
import dev.aiperf.plugin.fixtures.HelloGreeter;
import dev.aiperf.plugin.fixtures.NotAGreeter;
import dev.aiperf.plugin.fixtures.PoliteGreeter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Lookups by name, class path and category, reverse lookup, URL detection, enums and runtime registration. */
class LookupTest {
    static final Category<Greeter> GREETER = Category.of("greeter", Greeter.class);
    static final Category<Channel> CHANNEL = Category.of("channel", Channel.class);

    private final PluginRegistry registry = PluginRegistry.builder().pluginsDir(null).build();

    @Test
    void typedCategoryGivesATypedClass() throws Exception {
        Class<? extends Greeter> type = registry.getClass(GREETER, "hello");

        Greeter greeter = type.getDeclaredConstructor().newInstance();

        assertThat(greeter.greet("you")).isEqualTo("hello you");
        assertThat(registry.getClass("greeter", "hello")).isSameAs(type);
    }

    @Test
    void namesAndCategoriesMatchCaseInsensitivelyWithDashesAsUnderscores() {
        registry.register(GREETER, "very_polite", PoliteGreeter.class, 0, false);

        assertThat(registry.getClass("GREETER", " Very-Polite ")).isSameAs(PoliteGreeter.class);
        assertThat(registry.getType(Category.named("Greeter"), "VERY_POLITE").name()).isEqualTo("very_polite");
    }

    @Test
    void bothClassPathFormsWork() {
        assertThat(registry.getClass(GREETER, "dev.aiperf.plugin.fixtures.FriendlyGreeter").getSimpleName())
                .isEqualTo("FriendlyGreeter");
        assertThat(registry.getClass(GREETER, "dev.aiperf.plugin.fixtures:FriendlyGreeter").getSimpleName())
                .isEqualTo("FriendlyGreeter");
        assertThat(registry.getType("greeter", "friendly").classPath())
                .isEqualTo("dev.aiperf.plugin.fixtures.FriendlyGreeter");
    }

    @Test
    void aClassPathRegisteredInAnotherCategoryIsAClearError() {
        assertThatThrownBy(() -> registry.getClass(GREETER, "dev.aiperf.plugin.fixtures.HttpChannel"))
                .isInstanceOf(TypeNotFoundException.class)
                .hasMessage("Class dev.aiperf.plugin.fixtures.HttpChannel is registered in category 'channel' as "
                        + "'http', not in 'greeter'.");
        assertThatThrownBy(() -> registry.getClass(GREETER, "java.lang.String"))
                .hasMessage("Class java.lang.String is not registered in category 'greeter' (only registered "
                        + "classes can be looked up). Available names: friendly, hello.");
    }

    @Test
    void unknownNameListsTheAvailableOnesAndSuggestsTheClosest() {
        TypeNotFoundException e = catchThrowableOfType(TypeNotFoundException.class,
                () -> registry.getClass(GREETER, "helo"));

        assertThat(e).hasMessage("Unknown greeter type 'helo'. Did you mean 'hello'? Available: friendly, hello.");
        assertThat(e.available()).containsExactly("friendly", "hello");
        assertThat(e.suggestion()).contains("hello");
        assertThat(e.category()).isEqualTo("greeter");
        assertThat(catchThrowableOfType(TypeNotFoundException.class, () -> registry.getType("greeter", "zzzzzzzz"))
                .suggestion()).isEmpty();
    }

    @Test
    void unknownCategorySuggestsTheClosest() {
        UnknownCategoryException e = catchThrowableOfType(UnknownCategoryException.class,
                () -> registry.getClass("greter", "hello"));

        assertThat(e).hasMessage("Unknown plugin category 'greter'. Did you mean 'greeter'? "
                + "Known categories: channel, greeter, secret.");
    }

    @Test
    void aTypedKeyWhoseProtocolDoesNotMatchIsRejected() {
        Category<Channel> wrong = Category.of("greeter", Channel.class);

        assertThatThrownBy(() -> registry.getClass(wrong, "hello")).isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("does not implement dev.aiperf.plugin.fixtures.Channel");
    }

    @Test
    void listingsAndMetadata() {
        assertThat(registry.listCategories(true)).containsExactly("greeter", "channel", "secret");
        assertThat(registry.listCategories(false)).containsExactly("greeter", "channel");
        assertThat(registry.listPackages(false)).containsExactly("aiperf");
        assertThat(registry.listPackages(true)).containsExactly("aiperf");
        assertThat(registry.listTypes(GREETER)).extracting(TypeEntry::name).containsExactly("hello", "friendly");
        CategoryMetadata greeter = registry.getCategoryMetadata(GREETER);
        assertThat(greeter.protocol()).isEqualTo(Greeter.class.getName());
        assertThat(greeter.metadataClass()).isEqualTo("dev.aiperf.plugin.fixtures.GreeterMetadata");
        assertThat(greeter.enumName()).isEqualTo("GreeterType");
        assertThat(greeter.description()).isEqualTo("Says hello");
        assertThat(greeter.source().line()).isEqualTo(3);
        assertThat(registry.getCategoryMetadata("secret").internal()).isTrue();
        PackageMetadata aiperf = registry.getPackageMetadata("aiperf");
        assertThat(aiperf).extracting(PackageMetadata::version, PackageMetadata::author, PackageMetadata::license)
                .containsExactly("9.9.9", "Tests", "Apache-2.0");
        assertThatThrownBy(() -> registry.getPackageMetadata("aipref"))
                .hasMessage("Unknown plugin package 'aipref'. Did you mean 'aiperf'? Loaded packages: aiperf.");
    }

    @Test
    void reverseLookupFindsTheRegisteredName() {
        assertThat(registry.findRegisteredName(GREETER, HelloGreeter.class)).contains("hello");
        assertThat(registry.findRegisteredName("greeter", NotAGreeter.class)).isEmpty();
    }

    @Test
    void urlSchemeSelectsTheTransportLikeType() {
        assertThat(registry.detectTypeFromUrl(CHANNEL, "http://localhost:8000")).contains("http");
        assertThat(registry.detectTypeFromUrl("channel", "HTTPS://example.com/v1")).contains("http");
        assertThat(registry.detectTypeFromUrl(CHANNEL, "grpc://host:1")).isEmpty();
        assertThat(registry.detectTypeFromUrl(CHANNEL, "localhost:8000")).isEmpty();
    }

    @Test
    void createEnumGivesAValueSetOverRegisteredNames() {
        DynamicEnum greeters = registry.createEnum(GREETER, "GreeterKind");

        assertThat(greeters.name()).isEqualTo("GreeterKind");
        assertThat(greeters.values()).containsExactly("hello", "friendly");
        assertThat(greeters.contains("HELLO")).isTrue();
        assertThat(greeters.valueOf("Friendly")).isEqualTo("friendly");
        assertThatThrownBy(() -> greeters.valueOf("frendly")).isInstanceOf(TypeNotFoundException.class)
                .hasMessageContaining("Did you mean 'friendly'?");
    }

    @Test
    void registerChecksTheProtocolAndTakesPartInConflicts() {
        TypeEntry entry = registry.register("greeter", "hello", PoliteGreeter.class, 1, false);

        assertThat(entry.isLoaded()).isTrue();
        assertThat(entry.packageName()).isEqualTo("runtime");
        assertThat(entry.location().file()).isEqualTo("<runtime>");
        assertThat(registry.getClass(GREETER, "hello")).isSameAs(PoliteGreeter.class);
        assertThatThrownBy(() -> registry.register(GREETER, "bad", NotAGreeter.class, 0, false))
                .isInstanceOf(PluginLoadException.class)
                .hasMessage("Cannot register dev.aiperf.plugin.fixtures.NotAGreeter as greeter 'bad': it does not "
                        + "implement dev.aiperf.plugin.fixtures.Greeter");
        registry.register("brand-new", "x", PoliteGreeter.class, 0, false);
        assertThat(registry.getCategoryMetadata("brand_new").hasProtocol()).isFalse();
        assertThat(registry.getClass("brand_new", "x")).isSameAs(PoliteGreeter.class);
    }

    @Test
    void aTypedCategoryDeclaresItselfOnFirstRegistration() {
        PluginRegistry empty = PluginRegistry.empty();

        empty.register(Category.of("new-kind", Runnable.class), "noop", NoopRunnable.class, 0, true);

        assertThat(empty.listCategories(true)).containsExactly("new_kind");
        assertThat(empty.getClass(Category.of("new_kind", Runnable.class), "noop")).isSameAs(NoopRunnable.class);
        assertThat(empty.getType("new_kind", "noop").isBuiltin()).isTrue();
    }

    /** A runtime-registered implementation for a category declared by its typed key. */
    public static final class NoopRunnable implements Runnable {
        @Override
        public void run() {
        }
    }

    @Test
    void concurrentLookupsSeeOneConsistentClass() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Class<?>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    Class<?> last = null;
                    for (int n = 0; n < 2_000; n++) {
                        last = registry.getClass(GREETER, n % 2 == 0 ? "hello" : "Hello");
                    }
                    return last;
                }));
            }
            start.countDown();
            for (Future<Class<?>> result : results) {
                assertThat(result.get()).isSameAs(HelloGreeter.class);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void facadeUsesTheInstalledRegistry() {
        PluginRegistry previous = Plugins.setRegistry(registry);
        try {
            assertThat(Plugins.registry()).isSameAs(registry);
            assertThat(Plugins.getClass(GREETER, "hello")).isSameAs(HelloGreeter.class);
            assertThat(Plugins.listCategories()).contains("secret");
            assertThat(Plugins.listCategories(false)).doesNotContain("secret");
            assertThat(Plugins.listPackages()).containsExactly("aiperf");
            assertThat(Plugins.validateAll(true)).allMatch(ValidationResult::valid);
            Plugins.register(GREETER, "extra", PoliteGreeter.class, 0, false);
            assertThat(Plugins.listTypes("greeter")).extracting(TypeEntry::name).contains("extra");
            Plugins.reset();
            assertThat(Plugins.discoverPlugins()).isEmpty();
            assertThat(Plugins.listTypes(GREETER)).extracting(TypeEntry::name).doesNotContain("extra");
        } finally {
            if (previous != null) {
                Plugins.setRegistry(previous);
            }
        }
    }
}
