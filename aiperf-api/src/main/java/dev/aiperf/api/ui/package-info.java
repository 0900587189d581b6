/** Category {@code ui}: what a person sees while a benchmark runs. */
package dev.aiperf.api.ui;
