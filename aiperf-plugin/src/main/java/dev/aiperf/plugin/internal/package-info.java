/** Implementation of the registry (YAML reading, class-file checks, discovery); not API, may change. */
package dev.aiperf.plugin.internal;
