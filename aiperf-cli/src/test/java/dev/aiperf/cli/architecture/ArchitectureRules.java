package dev.aiperf.cli.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The module structure as rules over class files: which module may use which, no package cycles,
 * standard streams only in the programs (the CLI and the mock server), the registry's
 * {@code internal} package only inside the registry. Modules are told apart by package.
 */
final class ArchitectureRules {
    static final String PLUGIN = "dev.aiperf.plugin..";
    static final String API = "dev.aiperf.api..";
    static final String CLI = "dev.aiperf.cli..";
    static final String MOCK_SERVER = "dev.aiperf.mock..";
    static final String TOKENIZERS = "dev.aiperf.tokenizers..";
    static final String TESTKIT = "dev.aiperf.testkit..";
    static final String REGISTRY_INTERNALS = "dev.aiperf.plugin.internal..";
    static final String ENVIRONMENT = "dev.aiperf.environment..";

    /** aiperf-core has no package root of its own: it is every aiperf package no other module owns. */
    static final DescribedPredicate<JavaClass> CORE = resideInAPackage("dev.aiperf..")
            .and(resideOutsideOfPackages(PLUGIN, API, CLI, MOCK_SERVER, TESTKIT, TOKENIZERS))
            .as("aiperf-core (every other dev.aiperf package)");

    /** cli -> core -> api -> plugin, one way; the mock server and the testkit on the side. */
    static final ArchRule MODULES_DEPEND_ONE_WAY = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            // A module with no class in the import is no violation (the fixture test imports a few classes only);
            // ArchitectureTest checks separately that every module is seen.
            .withOptionalLayers(true)
            .layer("cli").definedBy(CLI)
            .layer("core").definedBy(CORE)
            .layer("api").definedBy(API)
            .layer("plugin").definedBy(PLUGIN)
            .layer("mock-server").definedBy(MOCK_SERVER)
            .layer("testkit").definedBy(TESTKIT)
            .layer("tokenizers").definedBy(TOKENIZERS)
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("core").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("api").mayOnlyBeAccessedByLayers("core", "cli", "testkit")
            .whereLayer("plugin").mayOnlyBeAccessedByLayers("api", "core", "cli", "testkit")
            // A program of its own: the CLI starts it, nothing else links to it (and it links to none of ours).
            .whereLayer("mock-server").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("testkit").mayNotBeAccessedByAnyLayer()
            // A leaf library (tiktoken and Hugging Face tokenizers) shared by core and the mock server.
            .whereLayer("tokenizers").mayOnlyBeAccessedByLayers("core", "cli", "mock-server")
            .as("modules depend one way: cli -> core -> api -> plugin (mock-server used by cli only,"
                    + " testkit by no production code, tokenizers a leaf under core, cli and mock-server)");

    /** Every package is a slice (an internal package with its parent): a cycle between any two fails. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(new PackageWithItsInternals())
            .should().beFreeOfCycles()
            .as("packages form no cycle");

    /**
     * "Events, not prints": only the programs own the terminal. A library that writes to
     * System.out/err (or printStackTrace()) breaks JSON output, tests and embedding.
     */
    static final ArchRule ONLY_PROGRAMS_WRITE_TO_STANDARD_STREAMS = noClasses()
            .that().resideOutsideOfPackages(CLI, MOCK_SERVER)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .as("no code outside the CLI and the mock server writes to System.out or System.err");

    /**
     * "Read environment variables in one place": {@code dev.aiperf.environment.AiperfEnvironment}. The two modules
     * below core cannot reach it and read their own (aiperf-plugin: AIPERF_PLUGINS_DIR for a registry made without
     * the CLI; aiperf-tokenizers: DJL's cache variables and the hub cache for the mock server).
     */
    static final ArchRule ENVIRONMENT_READ_IN_ONE_PLACE = noClasses()
            .that().resideOutsideOfPackages(ENVIRONMENT, PLUGIN, TOKENIZERS)
            .should().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getenv", String.class)
            .as("only " + ENVIRONMENT + " (and the modules below core) read environment variables");

    /** The registry's internal package is not API: plugin authors (and the other modules) stay off it. */
    static final ArchRule REGISTRY_INTERNALS_STAY_INSIDE = noClasses()
            .that().resideOutsideOfPackage(PLUGIN)
            .should().dependOnClassesThat().resideInAPackage(REGISTRY_INTERNALS)
            .as("nothing outside aiperf-plugin uses " + REGISTRY_INTERNALS);

    private ArchitectureRules() {
    }
}
