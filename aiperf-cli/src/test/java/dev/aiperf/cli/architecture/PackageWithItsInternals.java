package dev.aiperf.cli.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * One slice per aiperf package, except that an {@code internal} package belongs to its parent: it is
 * the parent's private implementation (split out so that authors can tell API from non-API) and uses
 * the parent's public types, as the parent uses it. Cycles between any other two packages count.
 */
final class PackageWithItsInternals implements SliceAssignment {
    private static final String ROOT = "dev.aiperf.";
    private static final String INTERNAL = ".internal";

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        if (!pkg.startsWith(ROOT)) {
            return SliceIdentifier.ignore();
        }
        int internal = pkg.indexOf(INTERNAL + ".");
        if (internal >= 0) {
            pkg = pkg.substring(0, internal);
        } else if (pkg.endsWith(INTERNAL)) {
            pkg = pkg.substring(0, pkg.length() - INTERNAL.length());
        }
        return SliceIdentifier.of(pkg);
    }

    @Override
    public String getDescription() {
        return "aiperf packages (an internal package counted with its parent)";
    }
}
