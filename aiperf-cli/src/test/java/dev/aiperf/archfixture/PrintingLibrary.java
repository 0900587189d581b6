package dev.aiperf.archfixture;

/** Architecture-test fixture: library code (outside the CLI) that prints to the standard streams. */
public class PrintingLibrary {
    void report(Exception e) {
        System.out.println("done");
        e.printStackTrace();
    }
}
