package dev.aiperf.console;

import dev.aiperf.environment.AiperfEnvironment;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The terminal this process talks to, through JLine: its real size (read again on every call, so a
 * resized window is followed), whether standard output is a terminal, and whether to colour.
 * Nothing is opened when the output goes to a pipe or a file, so scripts and tests never load the
 * native library. JLine's own signal handlers stay off: Ctrl-C belongs to the run's graceful stop.
 */
public final class SystemTerminal {
    private static volatile Optional<Terminal> opened;

    private SystemTerminal() {
    }

    /** Whether standard output is an interactive terminal (not a pipe, not a file). */
    public static boolean isInteractive() {
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

    /**
     * Whether to colour console output: on an interactive terminal, unless {@code NO_COLOR} is set
     * (https://no-color.org) or the terminal is {@code dumb}.
     */
    public static boolean colors() {
        return isInteractive() && !AiperfEnvironment.system().colorsOff();
    }

    /** The interactive terminal, opened on first use; empty when output is not a terminal or it cannot be opened. */
    public static Optional<Terminal> terminal() {
        Optional<Terminal> terminal = opened;
        if (terminal == null) {
            synchronized (SystemTerminal.class) {
                terminal = opened;
                if (terminal == null) {
                    terminal = isInteractive() ? open() : Optional.empty();
                    opened = terminal;
                }
            }
        }
        return terminal;
    }

    /** The terminal's width in columns, if there is a terminal that knows it. */
    public static Optional<Integer> width() {
        return terminal().map(Terminal::getWidth).filter(w -> w > 0);
    }

    private static Optional<Terminal> open() {
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).nativeSignals(false).dumb(true).build();
            return "dumb".equals(terminal.getType()) ? Optional.empty() : Optional.of(terminal);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
