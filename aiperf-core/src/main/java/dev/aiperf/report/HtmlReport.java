package dev.aiperf.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aiperf.artifacts.RunArtifacts;
import dev.aiperf.export.AtomicFile;

import java.io.IOException;
import java.io.InputStream;
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
        AtomicFile.writeString(file, html(runs, aiperfVersion, theme));
        return file;
    }

    /** The page's text. */
    static String html(List<RunArtifacts> runs, String aiperfVersion, String theme) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run");
        }
        String title = runs.size() == 1 ? "AIPerf report - " + runs.getFirst().label()
                : "AIPerf report - " + runs.size() + " runs";
        Map<String, Object> data = ReportData.of(runs, title, generatedAt(), aiperfVersion, theme);
        return page(title, data);
    }

    /** Now, as the page's "generated" line says it. */
    static String generatedAt() {
        return ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The page: the template with its style, {@code data} as JSON, the chart library and the script inlined. */
    static String page(String title, Map<String, Object> data) {
        Map<String, String> slots = Map.of(
                "TITLE", escapeHtml(title),
                "STYLE", resource("report.css"),
                "DATA", scriptSafe(json(data)),
                "CHART_LIBRARY", scriptSafe(resource(CHART_LIBRARY)),
                "SCRIPT", scriptSafe(resource("report.js")));
        Matcher slot = SLOT.matcher(resource("report.html"));
        StringBuilder page = new StringBuilder(2_000_000);
        while (slot.find()) {
            String value = slots.get(slot.group(1));
            if (value == null) {
                throw new IllegalStateException("report.html has an unknown slot " + slot.group());
            }
            slot.appendReplacement(page, Matcher.quoteReplacement(value));
        }
        slot.appendTail(page);
        return page.toString();
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

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report resource " + name + " is missing from the build"
                        + (name.equals(CHART_LIBRARY) ? " (aiperf-core's pom copies it from the echarts webjar)" : ""));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
