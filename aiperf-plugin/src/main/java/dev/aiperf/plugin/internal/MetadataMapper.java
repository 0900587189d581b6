package dev.aiperf.plugin.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aiperf.plugin.ManifestException;
import dev.aiperf.plugin.ManifestLocation;
import dev.aiperf.plugin.ManifestProblem;
import dev.aiperf.plugin.NameSuggestions;
import dev.aiperf.plugin.Severity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Converts an entry's raw metadata to its typed record (snake_case keys, strict types) and freezes raw values. */
public final class MetadataMapper {

    private MetadataMapper() {
    }

    // Built on first use only: discovery never pays for Jackson.
    private static final class Holder {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * Converts the metadata to {@code type}.
     *
     * @throws ManifestException naming the manifest, the entry and the offending key
     */
    public static <M> M convert(Map<String, Object> metadata, Class<M> type, ManifestLocation location, String entry) {
        try {
            return Holder.MAPPER.convertValue(metadata, type);
        } catch (IllegalArgumentException e) {
            String reason = e.getCause() instanceof JsonMappingException cause ? describe(cause) : e.getMessage();
            throw new ManifestException(new ManifestProblem(Severity.ERROR, ManifestProblem.Kind.METADATA, location,
                    null, null, "metadata of " + entry + " does not fit " + type.getSimpleName() + ": " + reason), e);
        }
    }

    private static String describe(JsonMappingException e) {
        String key = e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                : "[" + ref.getIndex() + "]").collect(Collectors.joining("."));
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            return "unknown key '" + key + "'"
                    + NameSuggestions.didYouMean(unknown.getPropertyName(), known, NameSuggestions.Phrasing.CLAUSE)
                    + " Valid keys: " + String.join(", ", known);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "key '" + key + "' must be " + typeName(mismatch.getTargetType());
        }
        return (key.isEmpty() ? "" : "key '" + key + "': ") + e.getOriginalMessage();
    }

    private static String typeName(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "of type " + type.getSimpleName();
    }

    /** A deep, unmodifiable copy of plain YAML values (maps keep their order; nulls allowed). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> deepUnmodifiable(Map<String, Object> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, freeze(v)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(freeze(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
