package dev.aiperf.api.model;

/**
 * One audio clip as a {@link Turn} carries it: the original's {@code "<format>,<base64>"} string,
 * e.g. {@code "wav,UklGRiQ..."}. Endpoints send it as an OpenAI {@code input_audio} part with
 * {@code data} and {@code format}.
 *
 * @param format the container format, e.g. {@code wav} or {@code mp3}
 * @param base64 the clip's bytes, base64-encoded (standard alphabet, padded)
 */
public record AudioContent(String format, String base64) {

    /**
     * Splits a turn's audio content at its first comma.
     *
     * @throws IllegalArgumentException when there is no comma, as in the original
     */
    public static AudioContent parse(String content) {
        int comma = content.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("Audio content must be in the format 'format,b64_audio' (e.g."
                    + " 'wav,UklGR...'), got '" + abbreviate(content) + "'");
        }
        return new AudioContent(content.substring(0, comma), content.substring(comma + 1));
    }

    /** The {@code "<format>,<base64>"} string a turn holds. */
    public String encoded() {
        return format + "," + base64;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
