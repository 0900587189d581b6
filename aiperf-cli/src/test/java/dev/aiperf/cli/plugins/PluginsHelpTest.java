package dev.aiperf.cli.plugins;

import dev.aiperf.cli.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiperf.cli.AiperfCommand;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PluginsHelpTest {

    @Test
    void helpDocumentsTheExitCodes() {
        CliRun run = CliRun.of("plugins", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes:")
                .containsPattern("0\\s+Success")
                .containsPattern("1\\s+Validation found problems")
                .containsPattern("2\\s+Usage error");
    }

    @Test
    void everySubcommandTakesPluginsDirAndDocumentsExitCodes() {
        Map<String, CommandLine> subcommands = AiperfCommand.commandLine().getSubcommands().get("plugins").getSubcommands();

        assertThat(subcommands.keySet()).contains("list-plugins", "list-categories", "list-implementations", "show",
                "explain", "validate", "schema", "new");
        subcommands.forEach((name, command) -> {
            assertThat(command.getCommandSpec().findOption("--plugins-dir")).as(name).isNotNull();
            assertThat(command.getUsageMessage()).as(name).contains("Exit codes:", "Usage error");
        });
    }

    @Test
    void listingCommandsTakeJson() {
        Map<String, CommandLine> subcommands = AiperfCommand.commandLine().getSubcommands().get("plugins").getSubcommands();

        for (String name : new String[] {"list-plugins", "list-categories", "list-implementations", "show", "explain",
                "validate"}) {
            assertThat(subcommands.get(name).getCommandSpec().findOption("--json")).as(name).isNotNull();
        }
    }
}
