package dev.aiperf.api.archfixture;

import dev.aiperf.ui.NoUi;

/** Architecture-test fixture: a class in aiperf-api's packages that uses aiperf-core (upward). */
public class ApiUsingCore {
    NoUi ui;
}
