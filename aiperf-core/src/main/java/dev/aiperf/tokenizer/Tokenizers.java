package dev.aiperf.tokenizer;

import dev.aiperf.api.PluginType;
import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.tokenizer.Tokenizer;
import dev.aiperf.api.tokenizer.TokenizerLoader;
import dev.aiperf.api.tokenizer.TokenizerLookup;
import dev.aiperf.api.tokenizer.TokenizerSpec;
import dev.aiperf.plugin.Plugins;
import dev.aiperf.plugin.TypeEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the run's tokenizer by asking the {@code tokenizer} plugins of the registry: plugins first (highest
 * priority first), then the built-ins in registration order ({@code tiktoken}, {@code huggingface}). Without
 * {@code --tokenizer} the first model's own tokenizer is used when one is on this machine, else
 * {@value #DEFAULT_NAME} with one warning, as the original does.
 */
public final class Tokenizers {

    /** The tokenizer used when neither --tokenizer nor the model names one found locally. */
    public static final String DEFAULT_NAME = "cl100k_base";

    /** Built-in loaders' results by loader and request: a Hugging Face tokenizer is loaded once per process. */
    private static final Map<String, Tokenizer> BUILTIN = new ConcurrentHashMap<>();

    private Tokenizers() {
    }

    /**
     * The tokenizer of a run and, when it is the fallback, the one warning line to show.
     *
     * @param tokenizer the tokenizer
     * @param spec      what it was loaded from (the fallback's name when it is the fallback)
     * @param warning   the warning to show once, or null
     */
    public record Choice(Tokenizer tokenizer, TokenizerSpec spec, String warning) {
    }

    /**
     * The tokenizer called {@code name} (null or blank means {@value #DEFAULT_NAME}), at revision main.
     *
     * @throws IllegalArgumentException saying what each loader tried when no loader finds it
     */
    public static Tokenizer forName(String name) {
        return resolve(TokenizerSpec.of(name == null || name.isBlank() ? DEFAULT_NAME : name));
    }

    /**
     * The tokenizer {@code spec} names.
     *
     * @throws IllegalArgumentException saying what each loader tried when no loader finds it
     */
    public static Tokenizer resolve(TokenizerSpec spec) {
        List<String> tried = new ArrayList<>();
        return find(spec, tried).orElseThrow(() -> new IllegalArgumentException("Unknown tokenizer '" + spec.name()
                + "' (--tokenizer): " + String.join(" ", tried)));
    }

    /**
     * The tokenizer for {@code config}: {@code --tokenizer} when given (an error when not found), else the first
     * model's own when found locally, else {@value #DEFAULT_NAME} with a warning.
     */
    public static Choice forRun(BenchmarkConfig config) {
        TokenizerSpec asked = config.output().tokenizerSpec();
        if (asked != null) {
            return new Choice(resolve(asked), asked, null);
        }
        List<String> models = config.endpoint().models();
        if (!models.isEmpty()) {
            TokenizerSpec model = new TokenizerSpec(models.getFirst(), config.output().tokenizerRevision(),
                    config.output().tokenizerTrustRemoteCode());
            Optional<Tokenizer> own = find(model, new ArrayList<>());
            if (own.isPresent()) {
                return new Choice(own.get(), model, null);
            }
        }
        TokenizerSpec fallback = TokenizerSpec.of(DEFAULT_NAME);
        String model = models.isEmpty() ? "the model" : "model '" + models.getFirst() + "'";
        return new Choice(resolve(fallback), fallback, "no tokenizer for " + model + " on this machine, so token"
                + " counts and prompt lengths are approximate (" + DEFAULT_NAME + "); for exact ones give --tokenizer"
                + " a local folder or tokenizer.json of the model, or download it into the Hugging Face cache");
    }

    private static Optional<Tokenizer> find(TokenizerSpec spec, List<String> tried) {
        for (TypeEntry entry : loaders()) {
            String key = entry.name() + '\n' + entry.classPath() + '\n' + spec;
            Tokenizer known = entry.isBuiltin() ? BUILTIN.get(key) : null;
            if (known != null) {
                return Optional.of(known);
            }
            TokenizerLoader loader = instantiate(entry);
            TokenizerLookup lookup = loader.lookup(spec);
            if (lookup.tokenizer() != null) {
                if (entry.isBuiltin()) {
                    BUILTIN.putIfAbsent(key, lookup.tokenizer());
                }
                return Optional.of(lookup.tokenizer());
            }
            tried.add(entry.name() + ": " + lookup.notFound());
        }
        return Optional.empty();
    }

    /** A loader from its public no-arg constructor (the category's contract). */
    private static TokenizerLoader instantiate(TypeEntry entry) {
        Class<?> cls = entry.load();
        try {
            return PluginType.TOKENIZER.protocol().cast(cls.getConstructor().newInstance());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("tokenizer plugin '" + entry.name() + "' (class " + cls.getName()
                    + ") cannot be built: it needs a public no-arg constructor and to implement "
                    + TokenizerLoader.class.getName() + " (" + e + ")", e);
        }
    }

    /** Plugins before built-ins, higher priority first; registration order otherwise. */
    private static List<TypeEntry> loaders() {
        return Plugins.listTypes(PluginType.TOKENIZER).stream()
                .sorted(Comparator.comparing(TypeEntry::isBuiltin).thenComparing(TypeEntry::priority,
                        Comparator.reverseOrder()))
                .toList();
    }
}
