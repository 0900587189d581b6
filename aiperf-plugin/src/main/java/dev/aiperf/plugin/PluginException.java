package dev.aiperf.plugin;

/**
 * Base of every error the plugin registry reports. Its message is meant for users: one clear
 * sentence saying what was wrong, where, and what would be valid; callers print it without a
 * stack trace.
 */
public class PluginException extends RuntimeException {

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
