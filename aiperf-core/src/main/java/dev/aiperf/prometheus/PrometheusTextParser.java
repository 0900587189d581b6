package dev.aiperf.prometheus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Prometheus text exposition format (0.0.4) and OpenMetrics 1.0 text into metric families.
 *
 * <p>Hand-written on purpose: no library on Maven Central parses this format in Java. The Prometheus Java
 * client ({@code io.prometheus:prometheus-metrics-exposition-textformats}) only <em>writes</em> it
 * ({@code PrometheusTextFormatWriter}, {@code OpenMetricsTextFormatWriter}), and Micrometer and OpenTelemetry only
 * export. The grammar is small: {@code # HELP}, {@code # TYPE}, {@code # UNIT}, {@code # EOF}, and sample lines
 * {@code name{label="value",...} value [timestamp] [# exemplar]}.
 *
 * <p>Lenient per line, as scrapers are: a line that does not parse is skipped and counted (the first problem is
 * kept for the one warning), so one odd line from a server does not lose its other metrics.
 */
public final class PrometheusTextParser {

    private static final String[] SUFFIXES = {"_bucket", "_count", "_sum", "_total", "_created", "_info", "_gsum",
            "_gcount"};

    private PrometheusTextParser() {
    }

    /** What a body held: its families in order of first appearance, and the lines that were skipped. */
    public record Exposition(List<MetricFamily> families, int skippedLines, String firstProblem) {
        public Exposition {
            families = List.copyOf(families);
        }
    }

    public static Exposition parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses a page; {@code cache} (one per endpoint, or null) remembers the series of earlier pages, so that a
     * repeated {@code name{labels}} costs a lookup instead of a parse.
     */
    public static Exposition parse(String text, SeriesCache cache) {
        Map<String, FamilyBuilder> families = new LinkedHashMap<>();
        int skipped = 0;
        String firstProblem = null;
        int lineNumber = 0;
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            lineNumber++;
            int lineEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            String line = text.substring(start, lineEnd);
            start = end + 1;
            try {
                if (!parseLine(line, families, cache)) {
                    break; // # EOF
                }
            } catch (IllegalArgumentException e) {
                skipped++;
                if (firstProblem == null) {
                    firstProblem = "line " + lineNumber + ": " + e.getMessage();
                }
            }
        }
        List<MetricFamily> result = new ArrayList<>(families.size());
        for (FamilyBuilder builder : families.values()) {
            result.add(builder.build());
        }
        return new Exposition(result, skipped, firstProblem);
    }

    /** Reads one line into the families; false at {@code # EOF}. */
    private static boolean parseLine(String line, Map<String, FamilyBuilder> families, SeriesCache cache) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return true;
        }
        if (trimmed.charAt(0) == '#') {
            return parseComment(trimmed, families);
        }
        Sample sample = parseSample(trimmed, cache);
        family(families, sample.name()).samples.add(sample);
        return true;
    }

    private static boolean parseComment(String line, Map<String, FamilyBuilder> families) {
        Cursor c = new Cursor(line);
        c.pos = 1;
        c.skipBlanks();
        String keyword = c.token();
        if (keyword.equals("EOF")) {
            return false;
        }
        if (!(keyword.equals("HELP") || keyword.equals("TYPE") || keyword.equals("UNIT"))) {
            return true; // an ordinary comment
        }
        c.skipBlanks();
        String name = c.token();
        if (name.isEmpty()) {
            return true;
        }
        c.skipBlanks();
        String rest = c.atEnd() ? "" : line.substring(c.pos);
        FamilyBuilder builder = families.computeIfAbsent(name, FamilyBuilder::new);
        switch (keyword) {
            case "HELP" -> builder.help = unescapeHelp(rest);
            case "TYPE" -> builder.type = MetricType.parse(rest.strip());
            default -> builder.unit = rest.strip();
        }
        return true;
    }

    /** The family a sample belongs to: its own name if declared, else a declared base name its suffix fits. */
    private static FamilyBuilder family(Map<String, FamilyBuilder> families, String sampleName) {
        FamilyBuilder own = families.get(sampleName);
        if (own != null && own.type != MetricType.HISTOGRAM && own.type != MetricType.SUMMARY) {
            return own;
        }
        for (String suffix : SUFFIXES) {
            if (sampleName.endsWith(suffix)) {
                FamilyBuilder base = families.get(sampleName.substring(0, sampleName.length() - suffix.length()));
                if (base != null && accepts(base.type, suffix)) {
                    return base;
                }
            }
        }
        return own != null ? own : families.computeIfAbsent(sampleName, FamilyBuilder::new);
    }

    private static boolean accepts(MetricType type, String suffix) {
        for (String s : type.suffixes()) {
            if (s.equals(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code name{a="b",...} value [timestamp] [# exemplar]}. */
    static Sample parseSample(String line, SeriesCache cache) {
        Cursor c = new Cursor(line);
        String name;
        Map<String, String> labels;
        String seriesText = cache == null ? null : line.substring(0, seriesEnd(line));
        SeriesCache.Series known = seriesText == null ? null : cache.get(seriesText);
        if (known != null) {
            name = known.name();
            labels = known.labels();
            c.pos = seriesText.length();
        } else {
            name = c.name();
            int seriesLength = c.pos;
            Map<String, String> read = new LinkedHashMap<>();
            c.skipBlanks();
            if (c.peek() == '{') {
                c.pos++;
                String quotedName = readLabels(c, read);
                seriesLength = c.pos;
                if (name.isEmpty()) {
                    name = quotedName;
                }
            }
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a sample line without a metric name");
            }
            labels = read.isEmpty() ? Map.of() : Collections.unmodifiableMap(read);
            if (cache != null && seriesLength == seriesText.length()) {
                cache.put(seriesText, new SeriesCache.Series(name, labels));
            }
        }
        c.skipBlanks();
        String valueText = c.token();
        if (valueText.isEmpty()) {
            throw new IllegalArgumentException("no value for " + name);
        }
        double value = parseValue(valueText);
        c.skipBlanks();
        Long timestamp = null;
        if (!c.atEnd() && c.peek() != '#') {
            timestamp = parseTimestamp(c.token());
        }
        return new Sample(name, labels, value, timestamp);
    }

    /**
     * Where the series part of a sample line ends: after the closing brace of its labels (quoted values skipped),
     * else at the first blank. Only a cache key: a malformed line is found out by the real parse.
     */
    private static int seriesEnd(String line) {
        int i = 0;
        int n = line.length();
        while (i < n && line.charAt(i) != '{' && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
            i++;
        }
        if (i >= n || line.charAt(i) != '{') {
            return i;
        }
        boolean quoted = false;
        for (i++; i < n; i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == '}') {
                return i + 1;
            }
        }
        return n;
    }

    /** Reads {@code a="b",...}} after the opening brace; returns a quoted metric name found inside (UTF-8 names). */
    private static String readLabels(Cursor c, Map<String, String> labels) {
        String quotedName = null;
        while (true) {
            c.skipBlanks();
            if (c.atEnd()) {
                throw new IllegalArgumentException("unclosed '{'");
            }
            if (c.peek() == '}') {
                c.pos++;
                return quotedName;
            }
            String label = c.peek() == '"' ? c.quoted() : c.name();
            if (label.isEmpty()) {
                throw new IllegalArgumentException("a label name was expected at column " + (c.pos + 1));
            }
            c.skipBlanks();
            if (c.peek() == '=') {
                c.pos++;
                c.skipBlanks();
                if (c.peek() != '"') {
                    throw new IllegalArgumentException("the value of label " + label + " is not quoted");
                }
                labels.put(label, c.quoted());
            } else {
                quotedName = label; // {"metric.name", a="b"}: a quoted metric name without '='
            }
            c.skipBlanks();
            if (c.peek() == ',') {
                c.pos++;
            } else if (c.peek() != '}') {
                throw new IllegalArgumentException("',' or '}' expected at column " + (c.pos + 1));
            }
        }
    }

    /** A sample value: a decimal number, {@code +Inf}, {@code -Inf} or {@code NaN}. */
    public static double parseValue(String text) {
        switch (text) {
            case "+Inf", "Inf", "+inf", "inf", "+INF", "INF" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Inf", "-inf", "-INF" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "NaN", "nan", "NAN" -> {
                return Double.NaN;
            }
            default -> {
                char last = text.charAt(text.length() - 1);
                if (!(Character.isDigit(last) || last == '.')) {
                    throw new IllegalArgumentException("not a number: " + text);
                }
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a number: " + text);
                }
            }
        }
    }

    /** Prometheus text timestamps are integer ms; OpenMetrics ones are (possibly fractional) seconds. */
    private static Long parseTimestamp(String text) {
        try {
            if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
                return Math.round(Double.parseDouble(text) * 1000.0);
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a timestamp: " + text);
        }
    }

    private static String unescapeHelp(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case '\\' -> out.append('\\');
                    case '"' -> out.append('"');
                    default -> out.append('\\').append(next);
                }
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** A position in one line. */
    private static final class Cursor {
        final String line;
        int pos;

        Cursor(String line) {
            this.line = line;
        }

        boolean atEnd() {
            return pos >= line.length();
        }

        char peek() {
            return atEnd() ? '\0' : line.charAt(pos);
        }

        void skipBlanks() {
            while (!atEnd() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
                pos++;
            }
        }

        /** A metric or label name: {@code [a-zA-Z_:][a-zA-Z0-9_:]*}, possibly empty. */
        String name() {
            int begin = pos;
            while (!atEnd()) {
                char ch = line.charAt(pos);
                boolean ok = ch == '_' || ch == ':' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
                        || (pos > begin && ch >= '0' && ch <= '9');
                if (!ok) {
                    break;
                }
                pos++;
            }
            return line.substring(begin, pos);
        }

        /** Everything up to the next blank. */
        String token() {
            int begin = pos;
            while (!atEnd() && line.charAt(pos) != ' ' && line.charAt(pos) != '\t') {
                pos++;
            }
            return line.substring(begin, pos);
        }

        /** A double-quoted string with {@code \\}, {@code \"} and {@code \n} escapes, the cursor on its quote. */
        String quoted() {
            pos++; // opening quote
            StringBuilder out = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw new IllegalArgumentException("unterminated quoted string");
                }
                char ch = line.charAt(pos++);
                if (ch == '"') {
                    return out.toString();
                }
                if (ch == '\\') {
                    if (atEnd()) {
                        throw new IllegalArgumentException("unterminated escape");
                    }
                    char next = line.charAt(pos++);
                    switch (next) {
                        case 'n' -> out.append('\n');
                        case '\\' -> out.append('\\');
                        case '"' -> out.append('"');
                        default -> out.append('\\').append(next);
                    }
                } else {
                    out.append(ch);
                }
            }
        }
    }

    /** A family being read. */
    private static final class FamilyBuilder {
        final String name;
        MetricType type = MetricType.UNKNOWN;
        String help = "";
        String unit = "";
        final List<Sample> samples = new ArrayList<>();

        FamilyBuilder(String name) {
            this.name = name;
        }

        MetricFamily build() {
            return new MetricFamily(name, type, help, unit, samples);
        }
    }
}
