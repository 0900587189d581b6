package dev.aiperf.cli.profile;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the process talks to a terminal, which decides the default UI (progress bar or log lines). */
final class TerminalDetector {

    private TerminalDetector() {
    }

    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From JDK 22, System.console() exists even when redirected; Console.isTerminal() tells.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }
}
