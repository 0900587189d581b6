package dev.aiperf.engine;

/** The version of this tool, from the jar manifest; {@code dev} when running from classes. */
public final class Versions {

    private Versions() {
    }

    /** This tool's version ({@code aiperf_version} in every export). */
    public static String aiperf() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
