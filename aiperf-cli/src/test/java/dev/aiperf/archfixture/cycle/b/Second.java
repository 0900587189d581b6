package dev.aiperf.archfixture.cycle.b;

import dev.aiperf.archfixture.cycle.a.First;

/** Architecture-test fixture: the other half of a package cycle. */
public class Second {
    First first;
}
