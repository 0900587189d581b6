package dev.aiperf.archfixture.withinternal.internal;

import dev.aiperf.archfixture.withinternal.Facade;

/** Architecture-test fixture: the internal half of {@link Facade}. */
public class Implementation {
    Facade facade;
}
