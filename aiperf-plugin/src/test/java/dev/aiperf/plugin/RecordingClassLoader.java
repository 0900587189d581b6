package dev.aiperf.plugin;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Delegates everything to its parent and remembers every class name asked for. */
final class RecordingClassLoader extends ClassLoader {
    private final Set<String> requested = ConcurrentHashMap.newKeySet();

    RecordingClassLoader(ClassLoader parent) {
        super("recording", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        requested.add(name);
        return super.loadClass(name, resolve);
    }

    Set<String> requested() {
        return Set.copyOf(requested);
    }
}
