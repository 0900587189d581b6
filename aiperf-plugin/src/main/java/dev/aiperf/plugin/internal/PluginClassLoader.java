package dev.aiperf.plugin.internal;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;

/**
 * The class loader of one plugins-directory jar. Jars are isolated from each other, with one
 * exception that makes a plugin's own category an extension point for other plugins: the packages
 * of the protocol and metadata class a jar declares in its categories file are <em>exported</em>,
 * so every other plugin jar loads those classes (and reads their class files) from the declaring
 * jar, never from a copy of its own. Everything else is parent first, then the jar itself.
 */
public final class PluginClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    // Package name -> exporting loader, shared by the loaders of one discovery.
    private final Map<String, PluginClassLoader> exports;

    PluginClassLoader(String name, URL jar, ClassLoader parent, Map<String, PluginClassLoader> exports) {
        super(name, new URL[] {jar}, parent);
        this.exports = exports;
    }

    /** Shares the package of a class this jar declares as a category protocol or metadata class. */
    public void export(String className) {
        exports.putIfAbsent(packageOf(className), this);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        PluginClassLoader exporter = exports.get(packageOf(name));
        if (exporter != null && exporter != this) {
            return exporter.loadClass(name);
        }
        return super.findClass(name);
    }

    @Override
    public URL findResource(String name) {
        int slash = name.lastIndexOf('/');
        PluginClassLoader exporter = slash < 0 ? null : exports.get(name.substring(0, slash).replace('/', '.'));
        if (exporter != null && exporter != this) {
            return exporter.findResource(name);
        }
        return super.findResource(name);
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
