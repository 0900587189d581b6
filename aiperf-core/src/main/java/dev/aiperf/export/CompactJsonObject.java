package dev.aiperf.export;

/**
 * Writes one compact JSON object member by member straight into a builder, leaving out null values
 * as {@link JsonText} does, so a record line needs no intermediate maps.
 */
final class CompactJsonObject {
    private final StringBuilder out;
    private boolean empty = true;

    /** Opens the object at the end of {@code out}. */
    CompactJsonObject(StringBuilder out) {
        this.out = out;
        out.append('{');
    }

    /** A member, left out when {@code value} is null; any value {@link JsonText} can write. */
    CompactJsonObject field(String name, Object value) {
        if (value != null) {
            name(name);
            JsonText.write(out, value, -1);
        }
        return this;
    }

    CompactJsonObject field(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    CompactJsonObject field(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    /** Opens a member whose value is an object; {@link #end} it before the next member of this one. */
    CompactJsonObject object(String name) {
        name(name);
        return new CompactJsonObject(out);
    }

    /** Opens a member whose value the caller appends to the returned builder itself (valid JSON, e.g. a list). */
    StringBuilder member(String name) {
        name(name);
        return out;
    }

    /** True while no member has been written. */
    boolean isEmpty() {
        return empty;
    }

    void end() {
        out.append('}');
    }

    private void name(String name) {
        if (!empty) {
            out.append(',');
        }
        empty = false;
        JsonText.quote(out, name);
        out.append(':');
    }
}
