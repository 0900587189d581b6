package dev.aiperf.tokenizers;

import java.nio.file.Path;

/**
 * Keeps DJL off the network. {@code offline=true} stops its telemetry call (an EC2 metadata lookup before every
 * tokenizer is created); the native library is extracted from the DJL jar into {@code ~/.aiperf/native} unless
 * {@code ENGINE_CACHE_DIR} or {@code DJL_CACHE_DIR} says otherwise. DJL reads both as system properties too.
 */
final class DjlOffline {

    private DjlOffline() {
    }

    static synchronized void configure() {
        if (System.getProperty("offline") == null) {
            System.setProperty("offline", "true");
        }
        if (System.getProperty("ENGINE_CACHE_DIR") == null && System.getenv("ENGINE_CACHE_DIR") == null
                && System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("ENGINE_CACHE_DIR",
                    Path.of(System.getProperty("user.home"), ".aiperf", "native").toString());
        }
    }
}
