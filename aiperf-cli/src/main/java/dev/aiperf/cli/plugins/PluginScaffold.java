package dev.aiperf.cli.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a ready-to-build plugin project from the templates in {@code scaffold/}: a Maven pom, an
 * endpoint, its manifest and index, a test and a README (the plugin guide's five steps).
 */
final class PluginScaffold {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final ScaffoldNames names;
    private final String aiperfVersion;

    PluginScaffold(ScaffoldNames names, String aiperfVersion) {
        this.names = names;
        this.aiperfVersion = aiperfVersion;
    }

    /** Writes the project into {@code projectDir} (which must not exist or be empty); returns the files, relative. */
    List<Path> writeTo(Path projectDir) throws IOException {
        Map<String, String> files = files();
        List<Path> written = new ArrayList<>();
        for (var file : files.entrySet()) {
            Path target = projectDir.resolve(render(file.getKey()));
            Files.createDirectories(target.getParent());
            Files.writeString(target, render(template(file.getValue())), StandardCharsets.UTF_8);
            written.add(projectDir.relativize(target));
        }
        return written;
    }

    /** Output path (itself a template) to the template that fills it. */
    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", "pom.xml.tmpl");
        files.put("README.md", "README.md.tmpl");
        files.put(".gitignore", "gitignore.tmpl");
        files.put("src/main/java/{{packagePath}}/{{className}}.java", "Endpoint.java.tmpl");
        files.put("src/main/resources/{{packagePath}}/plugins.yaml", "plugins.yaml.tmpl");
        files.put("src/main/resources/META-INF/aiperf.plugins", "aiperf.plugins.tmpl");
        files.put("src/test/java/{{packagePath}}/{{className}}Test.java", "EndpointTest.java.tmpl");
        return files;
    }

    private String render(String template) {
        Map<String, String> values = Map.of(
                "artifactId", names.artifactId(),
                "groupId", names.groupId(),
                "package", names.javaPackage(),
                "packagePath", names.packagePath(),
                "className", names.className(),
                "typeName", names.typeName(),
                "indexName", names.typeName(),
                "aiperfVersion", aiperfVersion);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("scaffold template uses unknown placeholder " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String template(String name) throws IOException {
        try (InputStream in = PluginScaffold.class.getResourceAsStream("scaffold/" + name)) {
            if (in == null) {
                throw new IllegalStateException("scaffold template " + name + " is missing from the aiperf jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
