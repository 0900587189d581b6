package dev.aiperf.export;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.EndpointConfig;
import dev.aiperf.api.config.KeyValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of everything a run writes or prints: the one place that knows what a
 * secret is. Secrets are the {@code --api-key}, the value of every credential-bearing header
 * ({@link #isSecretHeader}) and the user-info of a URL ({@code user:pass@}). Each is replaced by
 * {@value #REDACTED}.
 *
 * <p>Structured values are redacted by their role ({@link #url}, {@link #headerValue}); free text (a
 * command line, an error message) by {@link #text}, which removes URL user-info and every literal
 * copy of a known secret, whatever form the text gives it.
 */
public final class Redaction {
    /** What replaces a secret. */
    public static final String REDACTED = "<redacted>";

    /** Header names that carry credentials whatever they contain. */
    private static final Set<String> SECRET_HEADER_NAMES = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");
    /** A header whose name contains one of these words is taken to carry a credential. */
    private static final List<String> SECRET_NAME_WORDS = List.of("key", "token", "secret", "auth", "password",
            "credential");
    /** {@code scheme://user[:pass]@}: group 1 is the scheme part kept, group 2 the user-info dropped. */
    private static final Pattern URL_USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/@\\s'\"]+)@");
    /** Secrets shorter than this are not searched for in free text: they would match ordinary words. */
    private static final int MIN_LITERAL_LENGTH = 4;

    /** Nothing to hide beyond URL user-info. */
    public static final Redaction NONE = new Redaction(List.of());

    private final List<String> secrets;

    private Redaction(List<String> secrets) {
        this.secrets = secrets;
    }

    /** The secrets of a run: its API key, secret header values and URL user-info. */
    public static Redaction of(EndpointConfig endpoint) {
        List<String> secrets = new ArrayList<>();
        if (endpoint.apiKey() != null && !endpoint.apiKey().isEmpty()) {
            secrets.add(endpoint.apiKey());
        }
        for (KeyValue header : endpoint.headers()) {
            if (isSecretHeader(header.key()) && header.value() != null) {
                secrets.add(String.valueOf(header.value()));
                // "Bearer abc": the token alone may appear elsewhere too
                String value = String.valueOf(header.value());
                int space = value.lastIndexOf(' ');
                if (space > 0) {
                    secrets.add(value.substring(space + 1));
                }
            }
        }
        for (String url : endpoint.urls()) {
            Matcher m = URL_USER_INFO.matcher(url);
            while (m.find()) {
                secrets.add(m.group(2));
                int colon = m.group(2).indexOf(':');
                if (colon >= 0) {
                    secrets.add(m.group(2).substring(colon + 1));
                }
            }
        }
        List<String> searched = secrets.stream().filter(s -> s.strip().length() >= MIN_LITERAL_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        return new Redaction(searched);
    }

    public static Redaction of(BenchmarkConfig config) {
        return of(config.endpoint());
    }

    /** Whether a header carries a credential: Authorization, Cookie, or a name with key, token, secret, auth. */
    public static boolean isSecretHeader(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (SECRET_HEADER_NAMES.contains(lower)) {
            return true;
        }
        for (String word : SECRET_NAME_WORDS) { // a loop, not a stream: this runs for every header of every traced line
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The run's command line, redacted, or null when there is none. */
    public static String commandLine(BenchmarkConfig config) {
        return of(config).text(config.output().commandLine());
    }

    /** The text with URL user-info and every known secret replaced; null stays null. */
    public String text(String text) {
        if (text == null) {
            return null;
        }
        // user-info needs a "://" before it: most texts (header values) have none and skip the regular expression
        String result = text.contains("://") ? URL_USER_INFO.matcher(text).replaceAll(m ->
                Matcher.quoteReplacement(m.group(1) + REDACTED + "@")) : text;
        for (String secret : secrets) {
            result = result.replace(secret, REDACTED);
        }
        return result;
    }

    /** A URL without its user-info ({@code http://<redacted>@host}). */
    public static String url(String url) {
        return url == null ? null : URL_USER_INFO.matcher(url).replaceAll(m ->
                Matcher.quoteReplacement(m.group(1) + REDACTED + "@"));
    }

    /** The value to show for a header: {@value #REDACTED} for a credential, else the value with secrets removed. */
    public Object headerValue(String name, Object value) {
        if (isSecretHeader(name)) {
            return REDACTED;
        }
        return value instanceof String s ? text(s) : value;
    }
}
