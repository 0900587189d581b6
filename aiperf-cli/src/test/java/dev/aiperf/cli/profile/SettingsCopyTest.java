package dev.aiperf.cli.profile;

import dev.aiperf.config.ProfileSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Option;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every option of a settings group reaches the core's {@link ProfileSettings}: an option added to a picocli holder
 * but not copied would be parsed and then silently ignored by the rules.
 */
class SettingsCopyTest {
    /** Options that act around the run (the CLI handles them), not part of the settings. */
    private static final Set<String> AROUND_THE_RUN = Set.of("OutputOptions.autoPlot", "OutputOptions.plotRequired");
    /** Options whose settings field has another name. */
    private static final Map<String, String> RENAMED = Map.of("TokenizerOptions.tokenizer", "name");

    @Test
    void everyOptionOfASettingsGroupIsCopied() throws ReflectiveOperationException {
        ProfileCommand command = new ProfileCommand();
        command.service.ui = "none";
        Map<Object, Method> holders = holders(command);
        for (Object holder : holders.keySet()) {
            for (Field option : optionFields(holder)) {
                option.set(holder, sample(option.getType(), option.get(holder)));
            }
        }
        ProfileSettings settings = ProfileConfigBuilder.settings(command);
        int options = 0;
        for (Map.Entry<Object, Method> entry : holders.entrySet()) {
            Object holder = entry.getKey();
            Object group = groupOf(settings, entry.getValue().getParameterTypes()[0]);
            for (Field option : optionFields(holder)) {
                String key = holder.getClass().getSimpleName() + "." + option.getName();
                Field target = group.getClass().getField(RENAMED.getOrDefault(key, option.getName()));
                assertThat(target.get(group)).as(key).isEqualTo(option.get(holder));
                options++;
            }
        }
        assertThat(settings.ui).isEqualTo("none");
        assertThat(holders).hasSize(14);
        assertThat(options).as("options checked").isGreaterThan(100);
    }

    /** The option holders of the command that copy themselves into a settings group, with their applyTo. */
    private static Map<Object, Method> holders(ProfileCommand command) throws IllegalAccessException {
        Map<Object, Method> holders = new LinkedHashMap<>();
        for (Field field : ProfileCommand.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || Modifier.isPrivate(field.getModifiers())) {
                continue;
            }
            Object holder = field.get(command);
            if (holder == null) {
                continue;
            }
            Arrays.stream(holder.getClass().getDeclaredMethods()).filter(m -> m.getName().equals("applyTo"))
                    .findFirst().ifPresent(applyTo -> holders.put(holder, applyTo));
        }
        return holders;
    }

    private static List<Field> optionFields(Object holder) {
        return Arrays.stream(holder.getClass().getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(Option.class))
                .filter(f -> !AROUND_THE_RUN.contains(holder.getClass().getSimpleName() + "." + f.getName()))
                .toList();
    }

    private static Object groupOf(ProfileSettings settings, Class<?> type) throws IllegalAccessException {
        for (Field field : ProfileSettings.class.getFields()) {
            if (field.getType().equals(type)) {
                return field.get(settings);
            }
        }
        throw new AssertionError("ProfileSettings has no group of type " + type.getName());
    }

    /** A value unlike the default, of the field's type. */
    private static Object sample(Class<?> type, Object current) {
        if (type == boolean.class) {
            return !(Boolean) current;
        }
        if (type == Integer.class) {
            return 7;
        }
        if (type == Long.class) {
            return 7L;
        }
        if (type == Double.class) {
            return 7.5;
        }
        if (type == String.class) {
            return "x";
        }
        if (type == Path.class) {
            return Path.of("x");
        }
        if (type == List.class) {
            return List.of("x");
        }
        throw new AssertionError("no sample value for an option of type " + type.getName());
    }
}
