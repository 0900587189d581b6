package dev.aiperf.export;

/**
 * Writes one compact JSON object member by member straight into a {@link Utf8Line}, leaving out null values as
 * {@link CompactJsonObject} does: the byte twin of it for the per-request lines. Member names known in advance
 * are encoded once ({@link #name}).
 */
final class Utf8JsonObject {
    private final Utf8Line out;
    private boolean empty = true;

    /** Opens the object at the end of {@code out}. */
    Utf8JsonObject(Utf8Line out) {
        this.out = out;
        out.append((byte) '{');
    }

    /** A member name as written: {@code "name":}. */
    static byte[] name(String name) {
        Utf8Line line = new Utf8Line(name.length() + 3);
        return line.quoted(name).append((byte) ':').toBytes();
    }

    /** A member, left out when {@code value} is null. */
    Utf8JsonObject field(byte[] name, String value) {
        if (value != null) {
            member(name).quoted(value);
        }
        return this;
    }

    Utf8JsonObject field(byte[] name, long value) {
        member(name).append(value);
        return this;
    }

    Utf8JsonObject field(byte[] name, boolean value) {
        member(name).append(value);
        return this;
    }

    /** A member named at run time (a header), left out when {@code value} is null; any value {@link JsonText} writes. */
    Utf8JsonObject field(String name, Object value) {
        if (value != null) {
            comma().quoted(name).append((byte) ':');
            JsonText.write(out, value);
        }
        return this;
    }

    /** Opens a member whose value the caller appends to the returned line itself (valid JSON). */
    Utf8Line member(byte[] name) {
        return comma().append(name);
    }

    void end() {
        out.append((byte) '}');
    }

    private Utf8Line comma() {
        if (!empty) {
            out.append((byte) ',');
        }
        empty = false;
        return out;
    }
}
