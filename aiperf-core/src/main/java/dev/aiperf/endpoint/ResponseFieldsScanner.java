package dev.aiperf.endpoint;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@link ResponseFields} from strict, plain JSON in one pass over the bytes, without a parser
 * object, or says it cannot ({@link #scan} returns null) and leaves the answer to Jackson's parser.
 *
 * <p>Why hand-written (bench/README.md, "Chunk path"): every streamed chunk was parsed by Jackson, and
 * making a parser (context, buffers, a child symbol table) and matching field names cost about a
 * microsecond a chunk, the largest share of the client's CPU per streamed request. This scan takes
 * the same fields from the OpenAI chunk shape in a fraction of that ({@code ChunkParseBenchmark}).
 *
 * <p>It accepts only text it can read exactly as the parser would, and gives up on anything else:
 * a key with an escape or a byte outside printable ASCII, an escape or a number JSON does not allow,
 * malformed UTF-8, nesting deeper than {@value #MAX_DEPTH}, very long numbers, names or texts, or a
 * text slot ({@code content}, {@code text}, ...) or {@code object} holding something other than a
 * string or null. Whatever it returns, the parser would have returned too: it never reports an error
 * itself, so every malformed chunk still gets the parser's answer. A key given twice counts with its last
 * value; text after the top-level object is ignored; {@code usage} (once per stream) is read into a tree
 * by Jackson from its own bytes.
 */
final class ResponseFieldsScanner {

    static final int MAX_DEPTH = 64;
    private static final int MAX_NUMBER_CHARS = 100;
    private static final int MAX_NAME_CHARS = 1000;
    private static final int MAX_STRING_BYTES = 1 << 20;
    private static final int FAIL = -1;

    private static final byte[] OBJECT = ascii("object");
    private static final byte[] CHOICES = ascii("choices");
    private static final byte[] USAGE = ascii("usage");
    private static final byte[] DELTA = ascii("delta");
    private static final byte[] MESSAGE = ascii("message");
    private static final byte[] TEXT = ascii("text");
    private static final byte[] CONTENT = ascii("content");
    private static final byte[] REASONING_CONTENT = ascii("reasoning_content");
    private static final byte[] REASONING = ascii("reasoning");
    private static final String[] OBJECT_TYPES = {"chat.completion.chunk", "chat.completion", "text_completion",
            "completion"};
    private static final byte[][] QUOTED_OBJECT_TYPES = java.util.Arrays.stream(OBJECT_TYPES)
            .map(type -> ascii('"' + type + '"')).toArray(byte[][]::new);

    // Kinds of object, by where they are: each reads its own members.
    private static final int ROOT = 0;
    private static final int FIRST_CHOICE = 1;
    private static final int TEXTS = 2;
    private static final int OTHER = 3;

    /** The scanner of each thread that reads chunks: it remembers the last stream's chunk head ({@link ChunkPrefix}). */
    private static final ThreadLocal<ResponseFieldsScanner> PER_THREAD =
            ThreadLocal.withInitial(() -> new ResponseFieldsScanner(new ChunkPrefix(), new RecentTexts()));

    /** The head of the last chunk read up to a text slot; null for a one-off scan. */
    private final ChunkPrefix prefix;
    /** Strings of texts read lately, reused for the same bytes; null for a one-off scan. */
    private final RecentTexts recentTexts;
    /**
     * What a remembering scanner returns, the same objects every time (no objects per chunk): valid until its
     * thread's next read. Null for a one-off scan, which returns new ones.
     */
    private final ResponseFields reusedFields;
    private final ResponseFields.ChoiceTexts reusedDelta;
    private final ResponseFields.ChoiceTexts reusedMessage;
    // The text being read, b[start, end); cleared after each scan.
    private byte[] b;
    private int start;
    private int end;
    private ResponseFields fields;
    /** The {@code delta} or {@code message} being read, and whether it is the delta. */
    private ResponseFields.ChoiceTexts texts;
    private boolean readingDelta;
    /** Whether this scan may still remember its head: until the first text slot is reached. */
    private boolean mayRemember;
    /**
     * Whether the rest of a resumed chunk, read so far, has set nothing: no key that sets a field was met (every
     * other key's value is skipped). Only such a rest is remembered ({@link ChunkPrefix#rememberTail}).
     */
    private boolean tailNeutral;
    /** The last top-level {@code usage} when it is an object: b[usageFrom, usageTo), else usageFrom is -1. */
    private int usageFrom;
    private int usageTo;
    // The key just read: b[keyFrom, keyTo).
    private int keyFrom;
    private int keyTo;
    // The string value just read, when asked for.
    private String string;

    private ResponseFieldsScanner(ChunkPrefix prefix, RecentTexts recentTexts) {
        this.prefix = prefix;
        this.recentTexts = recentTexts;
        boolean reuse = prefix != null;
        this.reusedFields = reuse ? new ResponseFields() : null;
        this.reusedDelta = reuse ? new ResponseFields.ChoiceTexts() : null;
        this.reusedMessage = reuse ? new ResponseFields.ChoiceTexts() : null;
    }

    /**
     * The fields of the JSON object starting at {@code bytes[from]} (a {@code '{'}) and ending before
     * {@code to}, or null when the text is not in the subset this scan reads.
     */
    static ResponseFields scan(byte[] bytes, int from, int to) {
        return new ResponseFieldsScanner(null, null).read(bytes, from, to);
    }

    /**
     * The same, by this thread's scanner: a chunk that starts with the head of the last chunk this thread read
     * up to a text (the rest of a stream) skips reading it again. The answer is {@link #scan}'s.
     */
    static ResponseFields scanRemembering(byte[] bytes, int from, int to) {
        return PER_THREAD.get().read(bytes, from, to);
    }

    /** A scanner that remembers chunk heads in {@code prefix} (tests see what it remembered). */
    static ResponseFieldsScanner remembering(ChunkPrefix prefix) {
        return new ResponseFieldsScanner(prefix, new RecentTexts());
    }

    /** What {@link #scan} returns, remembering or skipping the chunk's head when this scanner has a prefix. */
    ResponseFields read(byte[] bytes, int from, int to) {
        if (from >= to || bytes[from] != '{') {
            return null;
        }
        b = bytes;
        start = from;
        end = to;
        fields = reusedFields != null ? reusedFields.cleared() : new ResponseFields();
        texts = null;
        usageFrom = -1;
        try {
            int p;
            if (prefix != null && prefix.matches(bytes, from, to)) {
                mayRemember = false;
                p = resume(from + prefix.length());
            } else {
                mayRemember = prefix != null;
                p = object(from, ROOT, 1);
            }
            if (p == FAIL) {
                return null;
            }
            ResponseFields read = fields;
            if (usageFrom >= 0) {
                JsonNode usage = tree(usageFrom, usageTo);
                read.usage = usage.isEmpty() ? null : usage;
            }
            return read;
        } finally {
            b = null; // keeps no chunk alive
            fields = null;
            texts = null;
            string = null;
        }
    }

    /**
     * Reads a chunk from its text slot's value at {@code p} on, everything before {@code p} being the remembered
     * head: sets what reading the head set, then reads each enclosing object and array to its end as
     * {@link #object} and {@link #array} would have. Returns the position after the chunk, or FAIL.
     */
    private int resume(int p) {
        p = ws(p); // the head ends where its value started; this chunk may have more space there
        if (p >= end) {
            return FAIL;
        }
        fields.object = prefix.object();
        boolean choiceText = prefix.slot() == ChunkPrefix.CHOICE_TEXT;
        if (choiceText) {
            p = nullableString(p);
            fields.text = string;
        } else {
            texts = choiceTexts(true);
            readingDelta = true;
            fields.delta = texts;
            p = slotValue(p, prefix.slot());
        }
        if (p == FAIL) {
            return FAIL;
        }
        if (prefix.tailMatches(b, p, end)) {
            return end; // the same rest as a chunk read before, whose reading set nothing: it would set nothing
        }
        int tailFrom = p;
        tailNeutral = true;
        if (!choiceText) {
            p = restOfObject(p, TEXTS, 4);
        }
        p = restOfObject(p, FIRST_CHOICE, 2);
        p = restOfArray(p, 2);
        p = restOfObject(p, ROOT, 1);
        if (p != FAIL && tailNeutral) {
            prefix.rememberTail(b, tailFrom, end);
        }
        return p;
    }

    /**
     * The object at {@code p} (its {@code '{'}), each member read as its {@code kind} of object reads it;
     * returns the position after the closing brace, or FAIL.
     */
    private int object(int p, int kind, int depth) {
        p = ws(p + 1);
        if (p < end && b[p] == '}') {
            return p + 1;
        }
        return restOfObject(member(key(p), kind, depth), kind, depth);
    }

    /** The rest of an object from just after a member's value at {@code p}: the position after its brace, or FAIL. */
    private int restOfObject(int p, int kind, int depth) {
        while (true) {
            if (p == FAIL) {
                return FAIL;
            }
            p = ws(p);
            if (p >= end) {
                return FAIL;
            }
            if (b[p] == '}') {
                return p + 1;
            }
            if (b[p] != ',') {
                return FAIL;
            }
            p = member(key(ws(p + 1)), kind, depth);
        }
    }

    /** The value at {@code p} of the member just keyed, read as its kind of object reads it; FAIL stays FAIL. */
    private int member(int p, int kind, int depth) {
        if (p == FAIL) {
            return FAIL;
        }
        return switch (kind) {
            case ROOT -> rootMember(p);
            case FIRST_CHOICE -> choiceMember(p);
            case TEXTS -> textsMember(p);
            default -> value(p, depth);
        };
    }

    /** The value at {@code p} of the top-level member just keyed; returns the position after it, or FAIL. */
    private int rootMember(int p) {
        if (is(OBJECT)) {
            tailNeutral = false;
            p = objectType(p);
            fields.object = string;
            return p;
        }
        if (is(CHOICES)) {
            tailNeutral = false;
            fields.delta = null;
            fields.message = null;
            fields.text = null;
            return b[p] == '[' ? array(p, 2, true) : value(p, 1);
        }
        if (is(USAGE)) {
            tailNeutral = false;
            int start = p;
            p = value(p, 1);
            usageFrom = b[start] == '{' ? start : -1;
            usageTo = p;
            return p;
        }
        return value(p, 1);
    }

    /** The same in {@code choices[0]}. */
    private int choiceMember(int p) {
        boolean delta = is(DELTA);
        if (delta || is(MESSAGE)) {
            tailNeutral = false;
            ResponseFields.ChoiceTexts read = null;
            if (b[p] == '{') {
                read = choiceTexts(delta);
                texts = read;
                readingDelta = delta;
                p = object(p, TEXTS, 4);
            } else {
                p = value(p, 3);
            }
            if (delta) {
                fields.delta = read;
            } else {
                fields.message = read;
            }
            return p;
        }
        if (is(TEXT)) {
            tailNeutral = false;
            if (mayRemember) {
                rememberHead(p, ChunkPrefix.CHOICE_TEXT, fields.delta == null && fields.message == null);
            }
            p = nullableString(p);
            fields.text = string;
            return p;
        }
        return value(p, 3);
    }

    /**
     * An empty {@code delta} ({@code forDelta}) or {@code message}: this scanner's own when it reuses them (a
     * second delta in one chunk replaces the first, so one of each is enough), else a new one.
     */
    private ResponseFields.ChoiceTexts choiceTexts(boolean forDelta) {
        ResponseFields.ChoiceTexts reused = forDelta ? reusedDelta : reusedMessage;
        return reused != null ? reused.cleared() : new ResponseFields.ChoiceTexts();
    }

    /** The same in {@code choices[0].delta} or {@code .message}. */
    private int textsMember(int p) {
        int slot = is(CONTENT) ? ChunkPrefix.DELTA_CONTENT
                : is(REASONING_CONTENT) ? ChunkPrefix.DELTA_REASONING_CONTENT
                : is(REASONING) ? ChunkPrefix.DELTA_REASONING : -1;
        if (slot < 0) {
            return value(p, 4);
        }
        tailNeutral = false;
        if (mayRemember) {
            rememberHead(p, slot, readingDelta && fields.message == null && fields.text == null
                    && texts.content == null && texts.reasoningContent == null && texts.reasoning == null);
        }
        return slotValue(p, slot);
    }

    /** The string or null at {@code p} into the slot of {@link #texts} it belongs to. */
    private int slotValue(int p, int slot) {
        p = nullableString(p);
        switch (slot) {
            case ChunkPrefix.DELTA_CONTENT -> texts.content = string;
            case ChunkPrefix.DELTA_REASONING_CONTENT -> texts.reasoningContent = string;
            default -> texts.reasoning = string;
        }
        return p;
    }

    /**
     * At the first text slot of a chunk, its value at {@code p}: remembers the head before it when its reading
     * set nothing but {@code object} ({@code onlyObject}, and no {@code usage}), so {@link #resume} can rebuild it.
     */
    private void rememberHead(int p, int slot, boolean onlyObject) {
        mayRemember = false;
        if (onlyObject && usageFrom < 0) {
            prefix.remember(b, start, p, fields.object, slot);
        }
    }

    /**
     * Reads {@code "name"} and the colon after it at {@code p}; returns where the value starts (not past
     * the end), or FAIL. The name is left in {@code b[keyFrom, keyTo)}.
     */
    private int key(int p) {
        if (p >= end || b[p] != '"') {
            return FAIL;
        }
        int from = p + 1;
        int limit = Math.min(end, from + MAX_NAME_CHARS);
        int q = from;
        while (q < limit) {
            byte c = b[q];
            if (c == '"') {
                break;
            }
            if (c < 0x20 || c == '\\' || c == 0x7F) { // also every byte >= 0x80: they are negative
                return FAIL;
            }
            q++;
        }
        if (q >= limit) {
            return FAIL;
        }
        keyFrom = from;
        keyTo = q;
        p = ws(q + 1);
        if (p >= end || b[p] != ':') {
            return FAIL;
        }
        p = ws(p + 1);
        return p < end ? p : FAIL;
    }

    private boolean is(byte[] name) {
        int n = keyTo - keyFrom;
        if (n != name.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[keyFrom + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** The {@code object} value: the known types without a new string each time, anything else as read. */
    private int objectType(int p) {
        for (int i = 0; i < OBJECT_TYPES.length; i++) {
            int after = literal(p, QUOTED_OBJECT_TYPES[i]);
            if (after != FAIL) {
                string = OBJECT_TYPES[i];
                return after;
            }
        }
        return nullableString(p);
    }

    /** A string (left in {@link #string}) or {@code null} (null left there); anything else is FAIL. */
    private int nullableString(int p) {
        if (p == FAIL || p >= end) {
            return FAIL;
        }
        if (b[p] == '"') {
            return string(p, true);
        }
        string = null;
        return literal(p, NULL_LITERAL);
    }

    private static final byte[] NULL_LITERAL = ascii("null");
    private static final byte[] TRUE_LITERAL = ascii("true");
    private static final byte[] FALSE_LITERAL = ascii("false");

    /** Skips any value at {@code p}, checking it; returns the position after it, or FAIL. */
    private int value(int p, int depth) {
        if (p == FAIL || p >= end) {
            return FAIL;
        }
        return switch (b[p]) {
            case '"' -> string(p, false);
            case '{' -> depth >= MAX_DEPTH ? FAIL : object(p, OTHER, depth + 1);
            case '[' -> depth >= MAX_DEPTH ? FAIL : array(p, depth + 1, false);
            case 'n' -> literal(p, NULL_LITERAL);
            case 't' -> literal(p, TRUE_LITERAL);
            case 'f' -> literal(p, FALSE_LITERAL);
            default -> number(p);
        };
    }

    /**
     * The array at {@code p} (its {@code '['}); with {@code choices}, a first element that is an object is
     * read as {@code choices[0]}. Returns the position after the closing bracket, or FAIL.
     */
    private int array(int p, int depth, boolean choices) {
        p = ws(p + 1);
        if (p < end && b[p] == ']') {
            return p + 1;
        }
        if (choices && p < end && b[p] == '{') {
            p = object(p, FIRST_CHOICE, depth);
        } else {
            p = value(p, depth);
        }
        return restOfArray(p, depth);
    }

    /** The rest of an array from just after an element at {@code p}: the position after its bracket, or FAIL. */
    private int restOfArray(int p, int depth) {
        while (p != FAIL) {
            p = ws(p);
            if (p >= end) {
                return FAIL;
            }
            if (b[p] == ']') {
                return p + 1;
            }
            if (b[p] != ',') {
                return FAIL;
            }
            p = value(ws(p + 1), depth);
        }
        return FAIL;
    }

    private int literal(int p, byte[] word) {
        if (end - p < word.length) {
            return FAIL;
        }
        for (int i = 0; i < word.length; i++) {
            if (b[p + i] != word[i]) {
                return FAIL;
            }
        }
        return p + word.length;
    }

    /** A JSON number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private int number(int p) {
        int start = p;
        if (p < end && b[p] == '-') {
            p++;
        }
        if (p >= end) {
            return FAIL;
        }
        if (b[p] == '0') {
            p++;
        } else if (isDigit(b[p])) {
            p = digits(p);
        } else {
            return FAIL;
        }
        if (p < end && b[p] == '.') {
            int after = digits(p + 1);
            if (after == p + 1) {
                return FAIL;
            }
            p = after;
        }
        if (p < end && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            if (p < end && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            int after = digits(p);
            if (after == p) {
                return FAIL;
            }
            p = after;
        }
        return p - start > MAX_NUMBER_CHARS ? FAIL : p;
    }

    private int digits(int p) {
        while (p < end && isDigit(b[p])) {
            p++;
        }
        return p;
    }

    /**
     * A string at {@code p} (its opening quote): checks its escapes and UTF-8 and, when {@code keep},
     * leaves its text in {@link #string}. Returns the position after the closing quote, or FAIL.
     */
    private int string(int p, boolean keep) {
        int from = p + 1;
        int limit = Math.min(end, from + MAX_STRING_BYTES);
        int q = from;
        boolean escaped = false;
        boolean ascii = true;
        while (q < limit) {
            byte c = b[q];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                escaped = true;
                q = escape(q + 1, limit);
                if (q == FAIL) {
                    return FAIL;
                }
            } else if (c >= 0x20) {
                q++;
            } else if (c >= 0) {
                return FAIL; // an unescaped control character
            } else {
                ascii = false;
                q = utf8Sequence(q, limit);
                if (q == FAIL) {
                    return FAIL;
                }
            }
        }
        if (q >= limit) {
            return FAIL;
        }
        if (keep) {
            Charset charset = ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
            string = escaped ? unescape(from, q)
                    : recentTexts != null ? recentTexts.text(b, from, q, charset)
                    : new String(b, from, q - from, charset);
        }
        return q + 1;
    }

    /** After a backslash at {@code q - 1}: the position after the escape, or FAIL for one JSON does not allow. */
    private int escape(int q, int limit) {
        if (q >= limit) {
            return FAIL;
        }
        switch (b[q]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return q + 1;
            }
            case 'u' -> {
                if (limit - q < 5) {
                    return FAIL;
                }
                for (int i = 1; i <= 4; i++) {
                    if (hex(b[q + i]) < 0) {
                        return FAIL;
                    }
                }
                return q + 5;
            }
            default -> {
                return FAIL;
            }
        }
    }

    /**
     * One well-formed UTF-8 sequence of two to four bytes at {@code q} (no overlong form, no surrogate,
     * nothing past U+10FFFF): the position after it, or FAIL. Well-formed text decodes to the same
     * characters in Jackson and in {@link String}; anything else is left to the parser.
     */
    private int utf8Sequence(int q, int limit) {
        int lead = b[q] & 0xFF;
        int n;
        int min;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 1;
            min = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 2;
            min = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 3;
            min = 0x10000;
        } else {
            return FAIL;
        }
        if (limit - q <= n) {
            return FAIL;
        }
        int cp = lead & (0x3F >> n);
        for (int i = 1; i <= n; i++) {
            int c = b[q + i] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                return FAIL;
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return FAIL;
        }
        return q + n + 1;
    }

    /** The text of a checked string with escapes, {@code b[from, to)}. */
    private String unescape(int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        int segment = from;
        int q = from;
        while (q < to) {
            if (b[q] != '\\') {
                q++;
                continue;
            }
            if (q > segment) {
                text.append(new String(b, segment, q - segment, StandardCharsets.UTF_8));
            }
            byte kind = b[q + 1];
            switch (kind) {
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> text.append((char) (hex(b[q + 2]) << 12 | hex(b[q + 3]) << 8 | hex(b[q + 4]) << 4
                        | hex(b[q + 5])));
                default -> text.append((char) kind); // " \ /
            }
            q += kind == 'u' ? 6 : 2;
            segment = q;
        }
        if (to > segment) {
            text.append(new String(b, segment, to - segment, StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private JsonNode tree(int from, int to) {
        try {
            return EndpointOptions.MAPPER.readTree(b, from, to - from);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // checked above: cannot happen
        }
    }

    /** JSON whitespace: what the parser skips between tokens. */
    private int ws(int p) {
        while (p < end) {
            byte c = b[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            p++;
        }
        return p;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
