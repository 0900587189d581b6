package dev.aiperf.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The root command: what a user sees without a command, with a wrong one, and in the help. */
class AiperfCommandTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        return run(AiperfCommand.commandLine(), args);
    }

    private static Run run(CommandLine tree, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = tree.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void noCommandIsAUsageErrorThatShowsTheCommands() {
        Run run = run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("aiperf: error: missing command" + System.lineSeparator())
                .contains("profile", "plugins", "demo", "mock-server");
    }

    @Test
    void anUnknownCommandIsOneLineWithASuggestion() {
        Run run = run("prfile", "--mock");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "aiperf: error: Unknown command: 'prfile' (did you mean 'profile'?)",
                "Try 'aiperf --help' for more information.");
        assertThat(run("help", "mock-srever").err())
                .startsWith("aiperf: error: Unknown command: 'mock-srever' (did you mean 'mock-server'?)");
    }

    @Test
    void aWordAfterPluginsThatIsNoCommandIsACategory() {
        // 'aiperf plugins <category>' is the original's shape: an unknown word is an unknown category (exit 1).
        Run run = run("plugins", "lst");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().findFirst()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("aiperf: error: Unknown plugin category 'lst'.").contains("Known categories: "));
    }

    @Test
    void aMistypedOptionSuggestsTheClosestOption() {
        Run run = run("mock-server", "--prot", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("aiperf: error: Unknown option: '--prot' (did you mean '--port'?)");
    }

    @Test
    void everyCommandDocumentsItsExitCodes() {
        CommandLine root = AiperfCommand.commandLine();

        assertThat(root.getUsageMessage()).contains("Exit codes:", "130", "Run 'aiperf COMMAND --help'");
        for (String name : new String[] {"profile", "demo", "plugins", "mock-server", "calibrate"}) {
            assertThat(root.getSubcommands().get(name).getUsageMessage()).as(name)
                    .contains("Exit codes:", "Usage error");
        }
    }

    /**
     * picocli formats option descriptions with {@code String.format} while rendering the help: a lone {@code %}
     * made it print a warning on stderr for every option of {@code profile --help} ("Could not format ..."), as
     * {@code --error-rate-sla}'s "1 %" once did.
     */
    @Test
    void theHelpOfEveryCommandRendersWithoutPicocliWarnings() {
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        PrintStream err = System.err;
        int rendered = 0;
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            Deque<CommandLine> commands = new ArrayDeque<>(List.of(AiperfCommand.commandLine()));
            while (!commands.isEmpty()) {
                CommandLine command = commands.pop();
                commands.addAll(command.getSubcommands().values());
                assertThat(command.getUsageMessage()).isNotBlank();
                rendered++;
            }
        } finally {
            System.setErr(err);
        }
        assertThat(rendered).isGreaterThan(5);
        assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    /** {@code main} builds only the subcommand named first: what a user sees must not tell the difference. */
    @Test
    void theCommandLineBuiltForTheArgumentsAnswersAsTheWholeOne() {
        List<List<String>> cases = new java.util.ArrayList<>();
        for (Class<?> subcommand : AiperfCommand.SUBCOMMANDS) {
            String name = subcommand.getAnnotation(CommandLine.Command.class).name();
            cases.add(List.of(name, "--help"));
            cases.add(List.of(name, "--no-such-option"));
        }
        cases.addAll(List.of(List.of(), List.of("--help"), List.of("-V"), List.of("prfile"), List.of("help", "profile"),
                List.of("plugins", "lst"), List.of("plugins", "list-plugins", "--help"), List.of("mock-server", "--prot", "0"),
                List.of("profile", "--isl"), List.of("profile", "--url"), List.of("demo", "--concurrency", "x"),
                List.of("plot", "--bogus", "x"), List.of("profile", "--accuracy-benchmark", "mmlu")));
        for (List<String> args : cases) {
            String[] array = args.toArray(String[]::new);
            assertThat(run(AiperfCommand.commandLine(array), array)).as(String.join(" ", args))
                    .isEqualTo(run(AiperfCommand.commandLine(), array));
        }
        assertThat(run(AiperfCommand.commandLine(), "profile", "--accuracy-benchmark", "mmlu").err())
                .contains("--accuracy-benchmark: an option of the original aiperf"); // its model transformer ran
        assertThat(AiperfCommand.commandLine("profile", "--help").getSubcommands()).containsOnlyKeys("profile");
        assertThat(AiperfCommand.commandLine("help", "profile").getSubcommands()).hasSize(AiperfCommand.SUBCOMMANDS.size());
    }

    @Test
    void verboseIsFoundWhereverTheCommandTakesIt() {
        assertThat(AiperfCommand.asksForVerbose(parse("profile", "--mock", "--verbose"))).isTrue();
        assertThat(AiperfCommand.asksForVerbose(parse("profile", "--mock", "-v"))).isTrue();
        assertThat(AiperfCommand.asksForVerbose(parse("demo", "--concurrency", "2", "--verbose"))).isTrue();
        assertThat(AiperfCommand.asksForVerbose(parse("plugins", "list-plugins", "--verbose"))).isTrue();
        assertThat(AiperfCommand.asksForVerbose(parse("demo", "--concurrency", "2"))).isFalse();
        assertThat(AiperfCommand.asksForVerbose(parse("profile", "--mock"))).isFalse();
    }

    private static CommandLine.ParseResult parse(String... args) {
        return AiperfCommand.commandLine().parseArgs(args);
    }
}
