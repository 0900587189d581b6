package dev.aiperf.plugin;

/**
 * A registered class could not be used: it is missing, fails to load, or does not implement its
 * category's protocol. The message names the entry, its package and manifest.
 */
public class PluginLoadException extends PluginException {

    public PluginLoadException(String message) {
        super(message);
    }

    public PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
