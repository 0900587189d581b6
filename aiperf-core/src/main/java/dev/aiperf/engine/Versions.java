package dev.aiperf.engine;

/** The version of this tool, from the jar manifest; {@code dev} when running from classes. */
final class Versions {

    private Versions() {
    }

    static String aiperf() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
