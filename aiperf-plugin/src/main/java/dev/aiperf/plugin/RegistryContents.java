package dev.aiperf.plugin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable side of the registry, used only under its lock: categories, entries with their
 * conflict history, packages and problems. {@link #freeze()} publishes an immutable snapshot.
 */
final class RegistryContents {
    private static final System.Logger LOG = System.getLogger(PluginRegistry.class.getName());

    private final Map<String, CategoryMetadata> categories = new LinkedHashMap<>();
    private final Map<String, Map<String, Contest>> contests = new LinkedHashMap<>();
    private final Map<String, List<TypeEntry>> byClassPath = new HashMap<>();
    private final List<TypeEntry> entries = new ArrayList<>();
    private final Map<String, PackageMetadata> packages = new LinkedHashMap<>();
    private final List<DiscoveryProblem> problems = new ArrayList<>();

    /** Everything registered under one (category, name). */
    private static final class Contest {
        TypeEntry winner;
        final List<TypeEntry> candidates = new ArrayList<>();
        final List<Explanation.Decision> decisions = new ArrayList<>();

        Contest copy() {
            Contest copy = new Contest();
            copy.winner = winner;
            copy.candidates.addAll(candidates);
            copy.decisions.addAll(decisions);
            return copy;
        }
    }

    CategoryMetadata category(String name) {
        return categories.get(name);
    }

    /** Declared category names, sorted. */
    List<String> categoryNames() {
        return categories.keySet().stream().sorted().toList();
    }

    /** Declares a category; a second, different declaration of the same name is ignored with a warning. */
    void declare(CategoryMetadata category) {
        CategoryMetadata existing = categories.putIfAbsent(category.name(), category);
        if (existing == null) {
            contests.put(category.name(), new LinkedHashMap<>());
        } else if (!existing.protocol().equals(category.protocol())) {
            problem(Severity.WARNING, category.source().toString(), "category '" + category.name()
                    + "' is already declared at " + existing.source() + " with protocol " + existing.protocol()
                    + "; this declaration (protocol " + category.protocol() + ") is ignored");
        }
    }

    /** Records a package's metadata; a second package of the same name keeps the first with a warning. */
    void addPackage(PackageMetadata pkg) {
        PackageMetadata existing = packages.putIfAbsent(pkg.name(), pkg);
        if (existing != null && !existing.source().equals(pkg.source())) {
            problem(Severity.WARNING, pkg.source(), "package '" + pkg.name() + "' was already loaded from "
                    + existing.source() + "; its entries are registered too, its metadata is not");
        }
    }

    /** Records a package unless one of that name is known (for run-time registrations). */
    void ensurePackage(PackageMetadata pkg) {
        packages.putIfAbsent(pkg.name(), pkg);
    }

    /**
     * Registers an entry and applies the conflict rules: higher priority wins; at equal priority an
     * external entry beats a built-in one; otherwise the first stays, with a warning. Registering the
     * same package's same class under the same name again at the same priority is ignored (a manifest
     * loaded twice never duplicates its entries), whether that entry won or lost.
     */
    void add(TypeEntry entry) {
        Contest contest = contests.get(entry.category()).computeIfAbsent(entry.name(), n -> new Contest());
        if (contest.candidates.stream().anyMatch(candidate -> isSame(candidate, entry))) {
            return;
        }
        TypeEntry incumbent = contest.winner;
        contest.candidates.add(entry);
        entries.add(entry);
        byClassPath.computeIfAbsent(entry.classPath(), c -> new ArrayList<>()).add(entry);
        if (incumbent == null) {
            contest.winner = entry;
            return;
        }
        Explanation.Decision decision = decide(entry, incumbent);
        contest.decisions.add(decision);
        if (decision.challengerWon()) {
            contest.winner = entry;
        }
        if (decision.rule() == ConflictRule.FIRST_WINS) {
            problem(Severity.WARNING, entry.location().toString(), entry.category() + " '" + entry.name()
                    + "' is registered twice at priority " + entry.priority() + ": " + incumbent.classPath() + " ("
                    + incumbent.packageName() + ") stays, " + entry.classPath() + " (" + entry.packageName()
                    + ") is reachable only by class path; raise its priority to override");
        }
    }

    private static boolean isSame(TypeEntry a, TypeEntry b) {
        return a.packageName().equals(b.packageName()) && a.classPath().equals(b.classPath())
                && a.priority() == b.priority();
    }

    static Explanation.Decision decide(TypeEntry challenger, TypeEntry incumbent) {
        if (challenger.priority() != incumbent.priority()) {
            return new Explanation.Decision(challenger, incumbent, ConflictRule.PRIORITY,
                    challenger.priority() > incumbent.priority());
        }
        if (challenger.isBuiltin() != incumbent.isBuiltin()) {
            return new Explanation.Decision(challenger, incumbent, ConflictRule.EXTERNAL_BEATS_BUILTIN,
                    !challenger.isBuiltin());
        }
        return new Explanation.Decision(challenger, incumbent, ConflictRule.FIRST_WINS, false);
    }

    /** Records and logs a problem. */
    void problem(Severity severity, String source, String message) {
        DiscoveryProblem problem = new DiscoveryProblem(severity, source, message);
        problems.add(problem);
        LOG.log(severity == Severity.ERROR ? System.Logger.Level.ERROR : System.Logger.Level.WARNING,
                problem.describe());
    }

    void addProblem(DiscoveryProblem problem) {
        problem(problem.severity(), problem.source(), problem.message());
    }

    /** An independent copy: changing one never changes the other (entries and metadata are immutable). */
    RegistryContents copy() {
        RegistryContents copy = new RegistryContents();
        copy.categories.putAll(categories);
        contests.forEach((category, byName) -> {
            Map<String, Contest> names = new LinkedHashMap<>();
            byName.forEach((name, contest) -> names.put(name, contest.copy()));
            copy.contests.put(category, names);
        });
        byClassPath.forEach((classPath, list) -> copy.byClassPath.put(classPath, new ArrayList<>(list)));
        copy.entries.addAll(entries);
        copy.packages.putAll(packages);
        copy.problems.addAll(problems);
        return copy;
    }

    /** An immutable copy for readers. */
    RegistrySnapshot freeze() {
        Map<String, Map<String, TypeEntry>> winners = new LinkedHashMap<>();
        Map<String, Map<String, Explanation>> explanations = new LinkedHashMap<>();
        contests.forEach((category, byName) -> {
            Map<String, TypeEntry> names = new LinkedHashMap<>();
            Map<String, Explanation> why = new LinkedHashMap<>();
            byName.forEach((name, contest) -> {
                names.put(name, contest.winner);
                why.put(name, new Explanation(category, name, contest.winner, contest.candidates,
                        contest.decisions));
            });
            winners.put(category, Collections.unmodifiableMap(names));
            explanations.put(category, Collections.unmodifiableMap(why));
        });
        Map<String, List<TypeEntry>> classPaths = new HashMap<>();
        byClassPath.forEach((classPath, list) -> classPaths.put(classPath, List.copyOf(list)));
        return new RegistrySnapshot(Collections.unmodifiableMap(new LinkedHashMap<>(categories)),
                Collections.unmodifiableMap(winners), Collections.unmodifiableMap(explanations),
                Collections.unmodifiableMap(classPaths), List.copyOf(entries),
                Collections.unmodifiableMap(new LinkedHashMap<>(packages)), List.copyOf(problems));
    }
}
