package dev.aiperf.tokenizers;

import java.nio.file.Path;

/**
 * Keeps DJL off the network (read from DJL 0.38's byte code). {@code ai.djl.util.Utils.isOfflineMode()} is what
 * matters: when true, the tokenizers library takes the CPU build of its native library, which its jar carries and
 * which is extracted from the class path; when false on a machine with a CUDA GPU it would download a CUDA build,
 * and its telemetry ({@code Ec2Utils.callHome}) would query the EC2 metadata address before each tokenizer is made.
 * Offline mode is {@code $DJL_OFFLINE}, else the property {@code ai.djl.offline}, else the property
 * {@code offline}: both properties are set unless already given. The native library goes to
 * {@code ~/.aiperf/native} unless {@code ENGINE_CACHE_DIR} or {@code DJL_CACHE_DIR} says otherwise.
 */
final class DjlOffline {

    private DjlOffline() {
    }

    static synchronized void configure() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("offline", "true");
        if (System.getProperty("ENGINE_CACHE_DIR") == null && System.getenv("ENGINE_CACHE_DIR") == null
                && System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("ENGINE_CACHE_DIR",
                    Path.of(System.getProperty("user.home"), ".aiperf", "native").toString());
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
