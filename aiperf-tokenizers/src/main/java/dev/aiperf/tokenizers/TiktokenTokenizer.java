package dev.aiperf.tokenizers;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import com.knuddels.jtokkit.api.ModelType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A tiktoken byte-pair encoding from JTokkit, bundled and fully offline. Special tokens in the text are
 * encoded as ordinary text. Named by encoding ({@code cl100k_base}, {@code o200k_base}, ...) or by an OpenAI
 * model name that maps to one ({@code gpt-4o} -> {@code o200k_base}).
 */
public final class TiktokenTokenizer implements TextTokenizer {

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private final Encoding encoding;
    /** Word-by-word counting with remembered words, for cl100k_base; null for the other encodings. */
    private final WordTokenCounts words;

    private TiktokenTokenizer(Encoding encoding) {
        this.encoding = encoding;
        this.words = EncodingType.CL100K_BASE.getName().equals(encoding.getName())
                ? new WordTokenCounts(encoding::countTokensOrdinary) : null;
    }

    /** The encoding {@code name} stands for, if it names one (case-insensitive; {@code openai/gpt-4o} works). */
    public static Optional<TiktokenTokenizer> forName(String name) {
        return encodingType(name).map(type -> new TiktokenTokenizer(REGISTRY.getEncoding(type)));
    }

    /** The encoding name, e.g. {@code o200k_base} for the tokenizer named {@code gpt-4o}. */
    public String encodingName() {
        return encoding.getName();
    }

    /** Every encoding name, then every model name {@link #forName} accepts. */
    public static List<String> validNames() {
        List<String> names = new ArrayList<>(encodingNames());
        Arrays.stream(ModelType.values()).map(ModelType::getName).forEach(names::add);
        return names;
    }

    /** The bundled encodings: cl100k_base, o200k_base, p50k_base, p50k_edit, r50k_base. */
    public static List<String> encodingNames() {
        return Arrays.stream(EncodingType.values()).map(EncodingType::getName).toList();
    }

    private static Optional<EncodingType> encodingType(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        // "openai/gpt-4o" names the same model as "gpt-4o".
        String bare = lower.substring(lower.lastIndexOf('/') + 1);
        for (String candidate : List.of(lower, bare)) {
            Optional<EncodingType> encoding = EncodingType.fromName(candidate);
            if (encoding.isPresent()) {
                return encoding;
            }
            Optional<ModelType> model = ModelType.fromName(candidate);
            if (model.isPresent()) {
                return model.map(ModelType::getEncodingType);
            }
        }
        return Optional.empty();
    }

    @Override
    public int[] encode(String text) {
        return encoding.encodeOrdinary(text).toArray();
    }

    @Override
    public String decode(int[] ids, int from, int to) {
        IntArrayList list = new IntArrayList(to - from);
        for (int i = from; i < to; i++) {
            list.add(ids[i]);
        }
        return encoding.decode(list);
    }

    @Override
    public int count(String text) {
        return words != null ? words.count(text) : encoding.countTokensOrdinary(text);
    }

    @Override
    public String toString() {
        return "tiktoken " + encoding.getName();
    }
}
