package dev.aiperf.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.aiperf.api.archfixture.ApiUsingCore;
import dev.aiperf.archfixture.EnvironmentReadingLibrary;
import dev.aiperf.archfixture.PrintingLibrary;
import dev.aiperf.archfixture.RegistryInternalsUser;
import dev.aiperf.archfixture.cycle.a.First;
import dev.aiperf.archfixture.cycle.b.Second;
import dev.aiperf.archfixture.withinternal.Facade;
import dev.aiperf.archfixture.withinternal.internal.Implementation;
import dev.aiperf.cli.archfixture.PrintingCommand;
import dev.aiperf.plugin.internal.Names;
import dev.aiperf.ui.NoUi;
import org.junit.jupiter.api.Test;

/** Each rule of {@link ArchitectureRules} fails on a small offending fixture and passes on an allowed one. */
class ArchitectureRulesFailTest {

    @Test
    void anUpwardDependencyFails() {
        EvaluationResult result = evaluate(ArchitectureRules.MODULES_DEPEND_ONE_WAY, ApiUsingCore.class, NoUi.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line ->
                assertThat(line).contains(ApiUsingCore.class.getName()).contains(NoUi.class.getName()));
    }

    @Test
    void aDownwardDependencyPasses() {
        // The CLI may use everything below it.
        EvaluationResult result = evaluate(ArchitectureRules.MODULES_DEPEND_ONE_WAY, PrintingCommand.class,
                NoUi.class, Names.class);

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void aPackageCycleFails() {
        EvaluationResult result = evaluate(ArchitectureRules.NO_PACKAGE_CYCLES, First.class, Second.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("archfixture.cycle.a").contains("archfixture.cycle.b");
    }

    @Test
    void aPackageAndItsInternalPackageAreOneSlice() {
        EvaluationResult result = evaluate(ArchitectureRules.NO_PACKAGE_CYCLES, Facade.class, Implementation.class);

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void printingOutsideTheProgramsFails() {
        EvaluationResult result = evaluate(ArchitectureRules.ONLY_PROGRAMS_WRITE_TO_STANDARD_STREAMS,
                PrintingLibrary.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("System.out"))
                .anySatisfy(line -> assertThat(line).contains("printStackTrace"));
    }

    @Test
    void theCliMayPrint() {
        // NoUi is there so that the rule has a class to check (a rule that checks none fails).
        EvaluationResult result = evaluate(ArchitectureRules.ONLY_PROGRAMS_WRITE_TO_STANDARD_STREAMS,
                PrintingCommand.class, NoUi.class);

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void readingTheEnvironmentOutsideItsOnePlaceFails() {
        EvaluationResult result = evaluate(ArchitectureRules.ENVIRONMENT_READ_IN_ONE_PLACE,
                EnvironmentReadingLibrary.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line ->
                assertThat(line).contains(EnvironmentReadingLibrary.class.getName()).contains("getenv"));
    }

    @Test
    void theEnvironmentClassMayReadIt() {
        EvaluationResult result = evaluate(ArchitectureRules.ENVIRONMENT_READ_IN_ONE_PLACE,
                dev.aiperf.environment.AiperfEnvironment.class, NoUi.class);

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void usingTheRegistryInternalsOutsideTheRegistryFails() {
        EvaluationResult result = evaluate(ArchitectureRules.REGISTRY_INTERNALS_STAY_INSIDE,
                RegistryInternalsUser.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line ->
                assertThat(line).contains(RegistryInternalsUser.class.getName()).contains(Names.class.getName()));
    }

    private static EvaluationResult evaluate(ArchRule rule, Class<?>... classes) {
        JavaClasses imported = new ClassFileImporter().importClasses(classes);
        return rule.evaluate(imported);
    }
}
