/** The built-in UIs: a progress bar for terminals, periodic lines for logs, and none. */
package dev.aiperf.ui;
