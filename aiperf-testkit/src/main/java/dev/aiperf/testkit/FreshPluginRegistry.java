package dev.aiperf.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test its own {@link dev.aiperf.plugin.PluginRegistry}, installed as the default behind
 * {@link dev.aiperf.plugin.Plugins} for the test's duration, and resets the default afterwards, so
 * registrations never leak from one test into another. A test method may declare a
 * {@code PluginRegistry} parameter to receive the fresh registry.
 *
 * <pre>{@code
 * @FreshPluginRegistry
 * class MyEndpointTest {
 *     @Test
 *     void registers(PluginRegistry registry) {
 *         assertEquals(10, registry.getType(PluginType.ENDPOINT, "my_custom").priority());
 *     }
 * }
 * }</pre>
 *
 * <p>On a class it applies to every test; on a method, to that test (the method's settings win).
 *
 * @see PluginRegistryExtension
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(PluginRegistryExtension.class)
public @interface FreshPluginRegistry {

    /**
     * Whether the fresh registry reads the {@code META-INF/aiperf.categories} and
     * {@code META-INF/aiperf.plugins} indexes on the test class path (your plugin and the built-in
     * categories). With {@code false} it starts empty. The user's plugins directory is never scanned.
     */
    boolean scanClassPath() default true;
}
