package dev.aiperf.cli.profile;

import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.OptionSpec;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code --help}'s option list in titled groups, one per options class (Endpoint, Input,
 * ...), like the original's help. The options are mixins rather than picocli argument groups
 * because a group starts a new instance when one of its options repeats, which would silently drop
 * values of list options such as {@code --extra-inputs a --isl 9 --extra-inputs b}.
 */
final class GroupedOptionList implements IHelpSectionRenderer {
    private final List<Map.Entry<String, Class<?>>> sections;

    GroupedOptionList(List<Map.Entry<String, Class<?>>> sections) {
        this.sections = sections;
    }

    @Override
    public String render(Help help) {
        List<OptionSpec> all = help.commandSpec().options().stream().filter(o -> !o.hidden()).toList();
        StringBuilder text = new StringBuilder(help.optionListExcludingGroups(
                all.stream().filter(o -> sectionOf(o) == null).toList()));
        for (Map.Entry<String, Class<?>> section : sections) {
            List<OptionSpec> options = all.stream().filter(o -> sectionOf(o) == section.getValue()).toList();
            if (!options.isEmpty()) {
                text.append(System.lineSeparator()).append(section.getKey()).append(System.lineSeparator())
                        .append(help.optionListExcludingGroups(options));
            }
        }
        return text.toString();
    }

    private Class<?> sectionOf(OptionSpec option) {
        if (option.userObject() instanceof Field field) {
            Class<?> declaring = field.getDeclaringClass();
            return sections.stream().anyMatch(s -> s.getValue() == declaring) ? declaring : null;
        }
        return null;
    }
}
