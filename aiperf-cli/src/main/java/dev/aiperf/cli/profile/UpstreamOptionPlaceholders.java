package dev.aiperf.cli.profile;

import dev.aiperf.cli.shared.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Declares every option of the original that {@code aiperf profile} does not implement as a hidden
 * placeholder taking an optional value, so that parsing succeeds and the run can say exactly what
 * is the matter: an option that does not apply to this design (worker counts, ZMQ) is ignored with
 * a one-line note; one whose feature does not exist yet is a usage error naming the feature. Runs
 * as picocli's model transformer, after every real option (mixins included) is declared, so an
 * option a real class declares always wins.
 */
public final class UpstreamOptionPlaceholders implements CommandLine.IModelTransformer {
    /** Marks the placeholders among the command's options. */
    static final String MARK = "upstream-placeholder";

    @Override
    public CommandSpec transform(CommandSpec spec) {
        Map<String, OptionSpec> declared = spec.optionsMap();
        Map<String, OptionSpec> negated = spec.negatedOptionsMap();
        for (UpstreamOption option : UpstreamOption.all()) {
            // An implemented option may lack one of the original's spellings: that spelling gets a placeholder too.
            List<String> free = option.names().stream()
                    .filter(n -> !declared.containsKey(n) && !negated.containsKey(n)).toList();
            if (free.isEmpty()) {
                continue;
            }
            spec.addOption(OptionSpec.builder(free.toArray(String[]::new))
                    .arity("0..1").type(List.class).auxiliaryTypes(String.class)
                    .hidden(true).descriptionKey(MARK).paramLabel("<value>")
                    .description("Option of the original aiperf: " + option.meaning())
                    .build());
        }
        return spec;
    }

    /** The implementation status of an original option in this command: what the options test lists. */
    public enum Status { IMPLEMENTED, NOT_APPLICABLE, NOT_IMPLEMENTED }

    static Status status(CommandSpec spec, UpstreamOption option) {
        OptionSpec declared = spec.optionsMap().get(option.name());
        if (declared != null && !MARK.equals(declared.descriptionKey())) {
            return Status.IMPLEMENTED;
        }
        return option.applies() ? Status.NOT_IMPLEMENTED : Status.NOT_APPLICABLE;
    }

    /**
     * Checks the placeholders the command line used: a note per ignored option on {@code err}, then
     * one usage error listing every option whose feature is missing.
     */
    static void check(ParseResult parsed, PrintStream err) {
        List<String> missing = new ArrayList<>();
        for (OptionSpec used : parsed.matchedOptions()) {
            if (!MARK.equals(used.descriptionKey())) {
                continue;
            }
            Optional<UpstreamOption> option = UpstreamOption.all().stream()
                    .filter(o -> o.names().contains(used.longestName()) || o.names().contains(used.shortestName()))
                    .findFirst();
            if (option.isEmpty()) {
                continue;
            }
            UpstreamOption o = option.get();
            OptionSpec primary = parsed.commandSpec().optionsMap().get(o.name());
            if (primary != null && !MARK.equals(primary.descriptionKey())) {
                missing.add(used.longestName() + ": this spelling of the original's option is not accepted here;"
                        + " use " + o.name());
            } else if (o.applies()) {
                missing.add(used.longestName() + ": an option of the original aiperf (" + o.meaning()
                        + ") that this version does not implement yet; docs/options.md lists the status of every"
                        + " option");
            } else {
                err.println("aiperf: note: " + used.longestName() + " is accepted for compatibility and ignored: "
                        + o.notApplicableWhy());
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageException(missing);
        }
    }
}
