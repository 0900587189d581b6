package dev.aiperf.dataset;

import dev.aiperf.api.dataset.InvalidDatasetException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The non-blank lines of a text dataset file, read as strict UTF-8: a byte sequence that is not UTF-8, or a NUL
 * character (a binary file), ends the read with an error naming the file and the line, instead of a bare
 * {@code MalformedInputException}.
 */
public final class JsonLinesFile {

    private JsonLinesFile() {
    }

    /** Every non-blank line of {@code file}, in order. */
    public static List<DatasetLine> read(Path file) throws IOException {
        List<DatasetLine> lines = new ArrayList<>();
        read(file, Integer.MAX_VALUE, lines);
        return lines;
    }

    /** The first non-blank line, or null when every line is blank. */
    public static DatasetLine first(Path file) throws IOException {
        List<DatasetLine> lines = new ArrayList<>(1);
        read(file, 1, lines);
        return lines.isEmpty() ? null : lines.getFirst();
    }

    private static void read(Path file, int limit, List<DatasetLine> into) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Lines are split on bytes and decoded one by one, so a decoding error names its own line (a Reader
        // decodes ahead in blocks and would blame an earlier one).
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            long number = 0;
            int read;
            while ((read = in.read(buffer)) > 0) {
                int from = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, from, i - from);
                        from = i + 1;
                        add(file, ++number, line, decoder, into);
                        if (into.size() >= limit) {
                            return;
                        }
                    }
                }
                line.write(buffer, from, read - from);
            }
            if (line.size() > 0) {
                add(file, ++number, line, decoder, into);
            }
        }
    }

    private static void add(Path file, long number, ByteArrayOutputStream bytes, CharsetDecoder decoder,
                            List<DatasetLine> into) {
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw notText(file, number);
        } finally {
            bytes.reset();
        }
        if (text.indexOf('\0') >= 0) {
            throw notText(file, number);
        }
        if (number == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1); // a UTF-8 byte order mark is not part of the first value
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (!text.isBlank()) {
            into.add(new DatasetLine(file, number, text));
        }
    }

    private static InvalidDatasetException notText(Path file, long line) {
        return InvalidDatasetException.at(file, line, "not UTF-8 text (is it a binary or compressed file?);"
                + " dataset files are UTF-8 JSON Lines");
    }
}
