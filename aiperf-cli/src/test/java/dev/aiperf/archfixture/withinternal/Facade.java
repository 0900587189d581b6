package dev.aiperf.archfixture.withinternal;

import dev.aiperf.archfixture.withinternal.internal.Implementation;

/** Architecture-test fixture: a package and its internal package use each other (allowed). */
public class Facade {
    Implementation implementation;
}
