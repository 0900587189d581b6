package dev.aiperf.testkit;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles Java source strings to class bytes in memory, against the current class path. */
final class InMemoryJavaCompiler {
    private final List<Path> extraClassPath;

    InMemoryJavaCompiler(List<Path> extraClassPath) {
        this.extraClassPath = List.copyOf(extraClassPath);
    }

    /** Returns binary class name to class bytes, nested classes included. */
    Map<String, byte[]> compile(Map<String, String> sources) throws IOException {
        if (sources.isEmpty()) {
            return Map.of();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime (java.home="
                    + System.getProperty("java.home") + "); run the tests on a JDK, not a JRE");
        }
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((className, text) -> units.add(new SourceUnit(className, text)));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter compilerOutput = new StringWriter();
        try (StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
             ClassCollector collector = new ClassCollector(standard)) {
            List<String> options = List.of("--release", "21", "-proc:none", "-classpath", classPath());
            boolean ok = compiler.getTask(compilerOutput, collector, diagnostics, options, null, units).call();
            if (!ok) {
                throw new IllegalStateException("plugin sources do not compile:\n" + describe(diagnostics) + compilerOutput);
            }
            return collector.classes;
        }
    }

    private String classPath() {
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        extraClassPath.forEach(p -> entries.add(p.toString()));
        return String.join(File.pathSeparator, entries);
    }

    private static String describe(DiagnosticCollector<JavaFileObject> diagnostics) {
        StringBuilder text = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
                text.append("  ").append(where).append(d.getMessage(Locale.ROOT)).append('\n');
            }
        }
        return text.toString();
    }

    /** One source string presented to javac as a file named after its class. */
    private static final class SourceUnit extends SimpleJavaFileObject {
        private final String text;

        SourceUnit(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** Keeps every class javac writes in a map instead of on disk. */
    private static final class ClassCollector extends ForwardingJavaFileManager<JavaFileManager> {
        final Map<String, byte[]> classes = new LinkedHashMap<>();

        ClassCollector(JavaFileManager delegate) {
            super(delegate);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            classes.put(className, toByteArray());
                        }
                    };
                }
            };
        }
    }
}
