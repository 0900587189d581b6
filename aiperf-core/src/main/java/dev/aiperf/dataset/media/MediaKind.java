package dev.aiperf.dataset.media;

import java.util.List;

/**
 * The three media a turn can carry, with the dataset field names of each (spec §3.4): a singular
 * field holding one string and a plural field holding a list.
 */
public enum MediaKind {
    IMAGE("image", "images"),
    AUDIO("audio", "audios"),
    VIDEO("video", "videos");

    private final String field;
    private final String pluralField;

    MediaKind(String field, String pluralField) {
        this.field = field;
        this.pluralField = pluralField;
    }

    /** The singular dataset field, e.g. {@code image}. */
    public String field() {
        return field;
    }

    /** The plural dataset field, e.g. {@code images}. */
    public String pluralField() {
        return pluralField;
    }

    /** Every media field name, singular and plural. */
    public static List<String> fieldNames() {
        return List.of("image", "images", "audio", "audios", "video", "videos");
    }
}
