package dev.aiperf.archfixture.cycle.a;

import dev.aiperf.archfixture.cycle.b.Second;

/** Architecture-test fixture: one half of a package cycle. */
public class First {
    Second second;
}
