package dev.aiperf.tokenizer;

import dev.aiperf.api.tokenizer.Tokenizer;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.ModelType;
import dev.aiperf.plugin.NameSuggestions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the built-in tokenizers by name: a tiktoken encoding ({@code cl100k_base}, {@code o200k_base},
 * {@code p50k_base}, {@code p50k_edit}, {@code r50k_base}) or an OpenAI model name that maps to one
 * ({@code gpt-4o} -> {@code o200k_base}). Everything is bundled: no download ever happens.
 */
public final class Tokenizers {

    /** The tokenizer used when none is configured. */
    public static final String DEFAULT_NAME = "cl100k_base";

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final Map<String, Tokenizer> CACHE = new ConcurrentHashMap<>();

    private Tokenizers() {
    }

    /**
     * The tokenizer called {@code name} (null or blank means {@value #DEFAULT_NAME}); the same
     * instance for the same name.
     *
     * @throws IllegalArgumentException naming the valid choices when {@code name} is unknown
     */
    public static Tokenizer forName(String name) {
        String key = name == null || name.isBlank() ? DEFAULT_NAME : name.strip();
        return CACHE.computeIfAbsent(key, Tokenizers::create);
    }

    /** Every name {@link #forName} accepts: encodings first, then model names. */
    public static List<String> validNames() {
        List<String> names = new ArrayList<>();
        Arrays.stream(EncodingType.values()).map(EncodingType::getName).forEach(names::add);
        Arrays.stream(ModelType.values()).map(ModelType::getName).forEach(names::add);
        return names;
    }

    private static Tokenizer create(String name) {
        EncodingType type = resolve(name).orElseThrow(() -> unknown(name));
        return new JTokkitTokenizer(name, REGISTRY.getEncoding(type));
    }

    private static Optional<EncodingType> resolve(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
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

    private static IllegalArgumentException unknown(String name) {
        String encodings = String.join(", ", Arrays.stream(EncodingType.values()).map(EncodingType::getName).toList());
        return new IllegalArgumentException("Unknown tokenizer '" + name + "' (--tokenizer)."
                + NameSuggestions.didYouMean(name, validNames())
                + " Valid names are the bundled encodings " + encodings
                + ", or an OpenAI model name such as gpt-4o, gpt-4, gpt-3.5-turbo, text-embedding-3-small."
                + " Hugging Face tokenizers cannot be downloaded by this build.");
    }
}
