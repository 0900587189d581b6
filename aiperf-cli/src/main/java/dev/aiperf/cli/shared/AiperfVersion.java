package dev.aiperf.cli.shared;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest (set at packaging time). */
public final class AiperfVersion implements IVersionProvider {

    public static String version() {
        String v = AiperfVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"aiperf " + version()};
    }
}
