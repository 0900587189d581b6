package dev.aiperf.plugin;

/** How serious a reported problem is: a warning leaves the plugin loaded, an error skips it. */
public enum Severity {
    WARNING,
    ERROR
}
