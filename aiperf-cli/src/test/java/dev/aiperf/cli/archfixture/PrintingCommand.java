package dev.aiperf.cli.archfixture;

/** Architecture-test fixture: the CLI may print to the standard streams. */
public class PrintingCommand {
    void report() {
        System.out.println("done");
    }
}
