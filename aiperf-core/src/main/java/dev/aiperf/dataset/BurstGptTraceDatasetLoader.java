package dev.aiperf.dataset;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.dataset.CustomDatasetLoader;
import dev.aiperf.api.dataset.DatasetContext;
import dev.aiperf.api.dataset.InvalidDatasetException;
import dev.aiperf.api.model.Conversation;
import dev.aiperf.api.model.Turn;
import dev.aiperf.api.tokenizer.Tokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code burst_gpt_trace} CSV format, the BurstGPT traces of Azure OpenAI usage: a header row, then one row
 * per request with {@code Timestamp} (seconds, to ms), {@code Request tokens} (the prompt length; a prompt of
 * exactly that many tokens is generated) and {@code Response tokens} (max tokens); {@code Model},
 * {@code Total tokens} and {@code Log Type} are read past. Each row is its own one-turn conversation. Rows with no
 * request tokens (failed requests in the published traces) are skipped.
 */
public final class BurstGptTraceDatasetLoader implements CustomDatasetLoader {

    static final String TYPE = "burst_gpt_trace";
    static final String TIMESTAMP = "Timestamp";
    static final String REQUEST_TOKENS = "Request tokens";
    static final String RESPONSE_TOKENS = "Response tokens";
    private static final String HEADER = "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type";
    private static final System.Logger LOG = System.getLogger(BurstGptTraceDatasetLoader.class.getName());
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES).build();

    private final BenchmarkConfig config;
    private final Tokenizer tokenizer;

    public BurstGptTraceDatasetLoader(DatasetContext context) {
        this.config = context.config();
        this.tokenizer = context.tokenizer();
    }

    /** A file whose first line is a header naming the three columns read. */
    @Override
    public boolean canLoad(Path file) throws IOException {
        return DatasetFiles.firstLineParses(file, BurstGptTraceDatasetLoader::columns);
    }

    @Override
    public String rejection(Path file) throws IOException {
        return DatasetFiles.firstLineProblem(file, BurstGptTraceDatasetLoader::columns);
    }

    @Override
    public List<Conversation> load(Path file) throws IOException {
        DatasetFiles.requireFile(file, TYPE);
        List<DatasetLine> lines = JsonLinesFile.read(file);
        if (lines.size() < 2) {
            throw new InvalidDatasetException("Input file " + file + " has no rows: the " + TYPE + " format is a CSV"
                    + " file with the header " + HEADER + " and one row per request");
        }
        Columns columns = columns(lines.getFirst());
        TraceReplay replay = new TraceReplay(config.input().trace());
        TracePrompts prompts = new TracePrompts(tokenizer, config.input().randomSeed(), 1);
        SessionIds ids = new SessionIds(config.input().randomSeed());
        Map<String, List<Turn>> sessions = new LinkedHashMap<>();
        int skipped = 0;
        for (DatasetLine line : lines.subList(1, lines.size())) {
            String[] cells = cells(line);
            double seconds = number(line, cells, columns.timestamp(), TIMESTAMP);
            long input = Math.round(number(line, cells, columns.request(), REQUEST_TOKENS));
            long output = Math.round(number(line, cells, columns.response(), RESPONSE_TOKENS));
            if (input < 1) {
                skipped++;
                continue;
            }
            if (!replay.keeps((int) Math.min(input, Integer.MAX_VALUE))) {
                continue;
            }
            Turn turn = new Turn(null, null, replay.time(Math.round(seconds * 1000)), null,
                    replay.outputLength(output > 0 ? (int) output : null),
                    List.of(new Turn.Text("text", List.of(prompts.prompt((int) input, List.of())))));
            sessions.put(ids.next(), List.of(turn));
        }
        if (skipped > 0) {
            LOG.log(System.Logger.Level.WARNING, "{0}: skipped {1} rows with 0 request tokens", file, skipped);
        }
        return TraceConversations.of(sessions, config, file);
    }

    /** Where the three columns read are. */
    private record Columns(int timestamp, int request, int response) {
    }

    private static Columns columns(DatasetLine header) {
        List<String> names;
        try {
            names = List.of(cells(header));
        } catch (InvalidDatasetException e) {
            names = List.of();
        }
        int timestamp = names.indexOf(TIMESTAMP);
        int request = names.indexOf(REQUEST_TOKENS);
        int response = names.indexOf(RESPONSE_TOKENS);
        if (timestamp < 0 || request < 0 || response < 0) {
            throw InvalidDatasetException.at(header.file(), header.number(), "a " + TYPE + " file starts with a CSV"
                    + " header naming the columns '" + TIMESTAMP + "', '" + REQUEST_TOKENS + "' and '" + RESPONSE_TOKENS
                    + "', e.g. " + HEADER);
        }
        return new Columns(timestamp, request, response);
    }

    private static String[] cells(DatasetLine line) {
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(line.text())) {
            return rows.hasNext() ? rows.next() : new String[0];
        } catch (IOException | RuntimeException e) {
            throw InvalidDatasetException.at(line.file(), line.number(), "not a CSV row: " + e.getMessage());
        }
    }

    private static double number(DatasetLine line, String[] cells, int index, String field) {
        long column = column(line.text(), index);
        if (index >= cells.length) {
            throw line.errorAt(column, field, "missing: the row has only " + cells.length + " cells");
        }
        try {
            double value = Double.parseDouble(cells[index]);
            if (value >= 0 && Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw line.errorAt(column, field, "must be a number of 0 or more, got '" + cells[index] + "'");
    }

    /** The 1-based column where cell {@code index} starts (cells in these traces are never quoted with commas). */
    private static long column(String text, int index) {
        int at = 0;
        for (int i = 0; i < index && at >= 0; i++) {
            at = text.indexOf(',', at);
            at = at < 0 ? -1 : at + 1;
        }
        return at < 0 ? text.length() + 1L : at + 1L;
    }
}
