package dev.aiperf.bench;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Writes a plugins directory of generated plugin jars: one jar declaring the category
 * {@value #CATEGORY} (protocol {@code DataExporter}), then {@code jars} jars of {@code entries}
 * classes each, generated with ASM and registered as {@code gen_<jar>_<entry>}.
 */
public final class GeneratedPlugins {
    /** The category every generated entry belongs to. */
    public static final String CATEGORY = "bench_exporter";
    private static final String PROTOCOL = "dev/aiperf/api/export/DataExporter";

    private GeneratedPlugins() {
    }

    /** Creates the directory and returns it. */
    public static Path write(Path directory, int jars, int entries) {
        try {
            Files.createDirectories(directory);
            writeJar(directory.resolve("000-categories.jar"), new byte[0][], new String[0], null,
                    CATEGORY + ":\n  protocol: " + PROTOCOL.replace('/', '.') + "\n  description: Generated\n");
            for (int j = 0; j < jars; j++) {
                byte[][] classes = new byte[entries][];
                String[] names = new String[entries];
                StringBuilder manifest = new StringBuilder("schema_version: \"1.0\"\nplugin:\n  name: gen-" + j
                        + "\n  version: 1.0.0\n" + CATEGORY + ":\n");
                for (int e = 0; e < entries; e++) {
                    names[e] = "gen/p" + j + "/Exporter" + e;
                    classes[e] = exporterClass(names[e]);
                    manifest.append("  gen_").append(j).append('_').append(e).append(":\n    class: ")
                            .append(names[e].replace('/', '.')).append("\n    description: generated entry\n")
                            .append("    metadata: {index: ").append(e).append("}\n");
                }
                writeJar(directory.resolve("plugin-%03d.jar".formatted(j)), classes, names, manifest.toString(), null);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code public class <name> implements DataExporter} with a no-argument constructor. */
    private static byte[] exporterClass(String internalName) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object",
                new String[] {PROTOCOL});
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(1, 1);
        init.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void writeJar(Path jar, byte[][] classes, String[] names, String manifest, String categories)
            throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (int i = 0; i < classes.length; i++) {
                add(out, names[i] + ".class", classes[i]);
            }
            if (manifest != null) {
                add(out, "gen/plugins.yaml", manifest.getBytes(StandardCharsets.UTF_8));
                add(out, "META-INF/aiperf.plugins", "gen = gen/plugins.yaml\n".getBytes(StandardCharsets.UTF_8));
            }
            if (categories != null) {
                add(out, "gen/categories.yaml", categories.getBytes(StandardCharsets.UTF_8));
                add(out, "META-INF/aiperf.categories", "gen = gen/categories.yaml\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    /** Deletes a generated directory. */
    public static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
