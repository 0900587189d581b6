package dev.aiperf.cli.plugins;

import dev.aiperf.cli.shared.AiperfVersion;
import dev.aiperf.plugin.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code aiperf plugins new <name>}: scaffolds a plugin project that builds and tests as generated. */
@Command(name = "new",
        header = "Create a ready-to-build plugin project.",
        description = "Creates <output-dir>/<name>: a Maven pom depending on aiperf-api (provided) and"
                + " aiperf-testkit (test), an Endpoint implementation, its plugins.yaml and META-INF/aiperf.plugins,"
                + " a test and a README. Build it with 'mvn verify'.")
final class NewPluginCommand extends PluginsSubcommand {

    @Parameters(paramLabel = "<name>", description = "Project and plugin name, e.g. my-plugin.")
    String name;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", defaultValue = ".",
            description = "Folder to create the project in (default: the current folder).")
    Path outputDir;

    @Option(names = "--group-id", paramLabel = "ID", defaultValue = "com.example",
            description = "Maven group id (default: ${DEFAULT-VALUE}).")
    String groupId;

    @Option(names = "--package", paramLabel = "PKG",
            description = "Java package of the generated classes (default: <group-id>.<name without dashes>).")
    String javaPackage;

    @Option(names = "--aiperf-version", paramLabel = "VERSION",
            description = "Version of aiperf-api and aiperf-testkit to depend on (default: this aiperf's version).")
    String aiperfVersion;

    @Override
    protected int run() throws IOException {
        ScaffoldNames names;
        try {
            names = ScaffoldNames.derive(name, groupId, javaPackage);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path projectDir = outputDir.resolve(name).toAbsolutePath().normalize();
        if (Files.exists(projectDir) && !isEmptyDirectory(projectDir)) {
            throw CliFailure.failed(projectDir + " already exists and is not empty; choose another name or --output-dir");
        }
        List<Path> files = new PluginScaffold(names, resolveAiperfVersion()).writeTo(projectDir);
        printNextSteps(projectDir, names, files);
        return ExitCodes.OK;
    }

    private void printNextSteps(Path projectDir, ScaffoldNames names, List<Path> files) {
        PrintWriter out = out();
        out.println("Created " + projectDir + ":");
        files.forEach(f -> out.println("  " + f));
        Path pluginsDir = common.pluginsDir != null ? common.pluginsDir : PluginRegistry.defaultPluginsDir();
        String dirOption = common.pluginsDir != null ? " --plugins-dir " + pluginsDir : "";
        out.println();
        out.println("Next:");
        out.println("  cd " + projectDir + " && mvn verify");
        out.println("  mkdir -p " + pluginsDir + " && cp target/" + names.artifactId() + "-1.0.0.jar " + pluginsDir + "/");
        out.println("  aiperf plugins list-implementations endpoint" + dirOption + "   # lists " + names.typeName()
                + " with priority 10");
        out.flush();
    }

    /** This aiperf's version; from aiperf-api's Maven metadata when running unpackaged (tests, IDE). */
    private String resolveAiperfVersion() throws IOException {
        if (aiperfVersion != null) {
            return aiperfVersion;
        }
        if (!AiperfVersion.version().equals("dev")) {
            return AiperfVersion.version();
        }
        try (InputStream in = NewPluginCommand.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/dev.aiperf/aiperf-api/pom.properties")) {
            if (in != null) {
                Properties pom = new Properties();
                pom.load(in);
                return pom.getProperty("version");
            }
        }
        throw new CliFailure(ExitCodes.USAGE, "cannot tell which AIPerf version this is; pass --aiperf-version");
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        }
    }
}
