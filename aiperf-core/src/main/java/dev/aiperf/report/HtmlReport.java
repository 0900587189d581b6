package dev.aiperf.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aiperf.artifacts.RunArtifacts;
import dev.aiperf.export.AtomicFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code report.html}: the page template with its style, the run data as JSON, the chart library
 * and the page script inlined, so the one file opens offline in any browser. Charts are interactive
 * (hover for values, drag or wheel to zoom, click a legend entry to hide a series).
 */
public final class HtmlReport {
    /** The file's name in an artifact or plots directory. */
    public static final String FILE_NAME = "report.html";
    /** The chart library, copied from its webjar into the classes at build time (see aiperf-core's pom). */
    static final String CHART_LIBRARY = "echarts.min.js";

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Z_]+)}}");

    private HtmlReport() {
    }

    /** Writes the report of {@code runs} (one run, or a comparison of several) to {@code file}, atomically. */
    public static Path write(List<RunArtifacts> runs, Path file, String aiperfVersion) throws IOException {
        return write(runs, file, aiperfVersion, "light");
    }

    /** The same with a theme: {@code light} or {@code dark}. */
    public static Path write(List<RunArtifacts> runs, Path file, String aiperfVersion, String theme)
            throws IOException {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run");
        }
        String title = title(runs);
        Map<String, Object> data = ReportData.of(runs, title, generatedAt(), aiperfVersion, theme);
        AtomicFile.write(file, out -> writePage(title, data, out));
        return file;
    }

    /** The page's text. */
    static String html(List<RunArtifacts> runs, String aiperfVersion, String theme) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run");
        }
        String title = title(runs);
        Map<String, Object> data = ReportData.of(runs, title, generatedAt(), aiperfVersion, theme);
        return new String(page(title, data), StandardCharsets.UTF_8);
    }

    private static String title(List<RunArtifacts> runs) {
        return runs.size() == 1 ? "AIPerf report - " + runs.getFirst().label()
                : "AIPerf report - " + runs.size() + " runs";
    }

    /** Now, as the page's "generated" line says it. */
    static String generatedAt() {
        return ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The page as UTF-8: the template with its style, {@code data} as JSON, the chart library and the script inlined. */
    static byte[] page(String title, Map<String, Object> data) {
        ByteArrayOutputStream page = new ByteArrayOutputStream(1_200_000);
        try {
            writePage(title, data, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return page.toByteArray();
    }

    /**
     * Writes the page to {@code out}. The same bytes as filling the template's text and encoding it, but the
     * resources (a megabyte of chart library) go from the class path to the file as bytes, made script-safe
     * once per process: decoding, replacing in and re-encoding the library cost more than the rest of a
     * one-request run's report.
     */
    static void writePage(String title, Map<String, Object> data, OutputStream out) throws IOException {
        Map<String, byte[]> slots = Map.of(
                "TITLE", utf8(escapeHtml(title)),
                "STYLE", Resources.STYLE.bytes(),
                "DATA", utf8(scriptSafe(json(data))),
                "CHART_LIBRARY", Resources.CHART_LIBRARY.bytes(),
                "SCRIPT", Resources.SCRIPT.bytes());
        String template = new String(Resources.TEMPLATE.bytes(), StandardCharsets.UTF_8);
        Matcher slot = SLOT.matcher(template);
        int written = 0;
        while (slot.find()) {
            byte[] value = slots.get(slot.group(1));
            if (value == null) {
                throw new IllegalStateException("report.html has an unknown slot " + slot.group());
            }
            out.write(utf8(template.substring(written, slot.start())));
            out.write(value);
            written = slot.end();
        }
        out.write(utf8(template.substring(written)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String json(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report data did not serialise: " + e.getMessage(), e);
        }
    }

    /**
     * Text that cannot end the {@code <script>} element it is inlined in: {@code </} becomes {@code <\/},
     * which means the same inside JavaScript strings, regular expressions and JSON.
     */
    static String scriptSafe(String text) {
        return text.replace("</", "<\\/").replace("<!--", "<\\!--");
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The page's resources as the page holds them, read (and made script-safe) once per process. */
    private enum Resources {
        TEMPLATE("report.html", false), STYLE("report.css", false), CHART_LIBRARY(HtmlReport.CHART_LIBRARY, true),
        SCRIPT("report.js", true);

        private final String name;
        private final boolean script;
        private volatile byte[] bytes;

        Resources(String name, boolean script) {
            this.name = name;
            this.script = script;
        }

        byte[] bytes() {
            byte[] read = bytes;
            if (read == null) {
                read = script ? scriptSafe(resource(name)) : resource(name);
                bytes = read;
            }
            return read;
        }
    }

    /**
     * {@link #scriptSafe(String)} on UTF-8 bytes. Both sequences replaced are ASCII, and no byte of a multi-byte
     * UTF-8 character is, so replacing them in the bytes read as ISO-8859-1 (one char per byte, a compact string)
     * gives the bytes of the replaced text, without the two-bytes-per-char copy a non-Latin-1 text needs.
     */
    static byte[] scriptSafe(byte[] utf8) {
        return scriptSafe(new String(utf8, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report resource " + name + " is missing from the build"
                        + (name.equals(CHART_LIBRARY) ? " (aiperf-core's pom copies it from the echarts webjar)" : ""));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
