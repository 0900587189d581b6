package dev.aiperf.cli.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link ArchitectureRules} against the production classes of every module (aiperf-cli's test
 * class path holds them all); {@link ArchitectureRulesFailTest} proves each rule can fail.
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importEveryModule() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.aiperf");
    }

    @Test
    void theImportSeesEveryModule() {
        // A rule over an import that misses a module passes vacuously: make sure each one is there.
        assertThat(production.containPackage("dev.aiperf.plugin")).as("aiperf-plugin").isTrue();
        assertThat(production.containPackage("dev.aiperf.plugin.internal")).as("aiperf-plugin internal").isTrue();
        assertThat(production.containPackage("dev.aiperf.api")).as("aiperf-api").isTrue();
        assertThat(production.containPackage("dev.aiperf.engine")).as("aiperf-core").isTrue();
        assertThat(production.containPackage("dev.aiperf.mock")).as("aiperf-mock-server").isTrue();
        assertThat(production.containPackage("dev.aiperf.testkit")).as("aiperf-testkit").isTrue();
        assertThat(production.containPackage("dev.aiperf.tokenizers")).as("aiperf-tokenizers").isTrue();
        assertThat(production.containPackage("dev.aiperf.cli")).as("aiperf-cli").isTrue();
        assertThat(production.stream().map(c -> c.getSource().map(s -> s.getUri().toString()).orElse("")))
                .as("test classes are not production code").noneMatch(uri -> uri.contains("test-classes"));
    }

    @Test
    void modulesDependOneWay() {
        ArchitectureRules.MODULES_DEPEND_ONE_WAY.check(production);
    }

    @Test
    void packagesFormNoCycle() {
        ArchitectureRules.NO_PACKAGE_CYCLES.check(production);
    }

    @Test
    void onlyTheProgramsWriteToStandardStreams() {
        ArchitectureRules.ONLY_PROGRAMS_WRITE_TO_STANDARD_STREAMS.check(production);
    }

    @Test
    void environmentVariablesAreReadInOnePlace() {
        ArchitectureRules.ENVIRONMENT_READ_IN_ONE_PLACE.check(production);
    }

    @Test
    void registryInternalsStayInsideTheRegistry() {
        ArchitectureRules.REGISTRY_INTERNALS_STAY_INSIDE.check(production);
    }
}
