package dev.aiperf.testkit;

import dev.aiperf.plugin.PluginRegistry;
import dev.aiperf.plugin.Plugins;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link FreshPluginRegistry}; use either that annotation or
 * {@code @ExtendWith(PluginRegistryExtension.class)} (which behaves like the annotation's defaults).
 *
 * <p>Before each test it builds a registry that scans the test class path but no plugins
 * directory, and installs it with {@link Plugins#setRegistry}. After the test it closes that
 * registry, puts the previous default back and {@linkplain PluginRegistry#reset() resets} it, the
 * guide's "reset the registry between tests" fixture. Tests running in parallel each get their own
 * registry, but share the static {@code Plugins} default: run tests that use the facade in the same
 * thread.
 */
public final class PluginRegistryExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PluginRegistryExtension.class);
    private static final String FRESH = "fresh";
    private static final String PREVIOUS = "previous";

    @Override
    public void beforeEach(ExtensionContext context) {
        PluginRegistry fresh = PluginRegistry.builder()
                .scanClassPath(scanClassPath(context))
                .pluginsDir(null) // never the developer's ~/.aiperf/plugins: tests must not depend on it
                .build();
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(FRESH, fresh);
        Optional.ofNullable(Plugins.setRegistry(fresh)).ifPresent(previous -> store.put(PREVIOUS, previous));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        PluginRegistry previous = store.remove(PREVIOUS, PluginRegistry.class);
        PluginRegistry restored = previous != null ? previous : PluginRegistry.builder().build();
        Plugins.setRegistry(restored);
        restored.reset();
        PluginRegistry fresh = store.remove(FRESH, PluginRegistry.class);
        if (fresh != null) {
            try {
                fresh.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not close the test's plugin registry", e);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PluginRegistry.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        PluginRegistry fresh = extensionContext.getStore(NAMESPACE).get(FRESH, PluginRegistry.class);
        if (fresh == null) {
            // Constructor or @BeforeAll injection: no test is running yet, so there is no fresh registry.
            throw new org.junit.jupiter.api.extension.ParameterResolutionException(
                    "a PluginRegistry can be injected into test methods, @BeforeEach and @AfterEach only");
        }
        return fresh;
    }

    /** The nearest {@link FreshPluginRegistry}: on the method, else on the class or an enclosing class. */
    private static boolean scanClassPath(ExtensionContext context) {
        return context.getTestMethod().flatMap(m -> find(m))
                .or(() -> findOnClasses(context))
                .map(FreshPluginRegistry::scanClassPath)
                .orElse(true);
    }

    private static Optional<FreshPluginRegistry> findOnClasses(ExtensionContext context) {
        for (Optional<Class<?>> c = context.getTestClass(); c.isPresent(); c = c.map(Class::getEnclosingClass)) {
            Optional<FreshPluginRegistry> found = find(c.get());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<FreshPluginRegistry> find(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, FreshPluginRegistry.class);
    }
}
