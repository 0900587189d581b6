package dev.aiperf.plugin.internal;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a plugin class by reading class files with ASM through its class loader, so no class is
 * loaded or initialised: the class must exist, be a public concrete (and, if nested, static) class,
 * and implement the protocol somewhere up its superclass and interface hierarchy.
 */
public final class ClassFileInspector {
    private static final String OBJECT = "java/lang/Object";

    private ClassFileInspector() {
    }

    /** What is wrong with the class, or empty when it passes every check. */
    public static Optional<String> check(ClassLoader loader, String binaryName, String protocol) {
        String internalName = binaryName.replace('.', '/');
        ClassReader reader;
        try {
            reader = read(loader, internalName);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("class file of " + binaryName + " cannot be read: " + e.getMessage());
        }
        if (reader == null) {
            return Optional.of("class " + binaryName + " not found (no " + internalName + ".class on the class path"
                    + " of its plugin)");
        }
        int access = reader.getAccess();
        if ((access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_ANNOTATION)) != 0) {
            return Optional.of(binaryName + " is " + ((access & Opcodes.ACC_INTERFACE) != 0 ? "an interface"
                    : "abstract") + "; a plugin class must be concrete");
        }
        if ((access & Opcodes.ACC_PUBLIC) == 0 || !isPublicStaticIfNested(reader, internalName)) {
            return Optional.of(binaryName + " is not public" + (internalName.contains("$") ? " and static" : ""));
        }
        return implementsProtocol(loader, reader, protocol.replace('.', '/'))
                .map(missing -> missing.isEmpty()
                        ? binaryName + " does not implement " + protocol
                        : "cannot check that " + binaryName + " implements " + protocol + ": " + missing
                        + " not found");
    }

    /**
     * Empty when the protocol is found; otherwise an empty string (not implemented) or the name of a
     * supertype whose class file is missing.
     */
    private static Optional<String> implementsProtocol(ClassLoader loader, ClassReader start, String protocol) {
        Deque<ClassReader> pending = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        pending.add(start);
        while (!pending.isEmpty()) {
            ClassReader current = pending.poll();
            String superName = current.getSuperName();
            for (String type : supertypes(superName, current.getInterfaces())) {
                if (type.equals(protocol)) {
                    return Optional.empty();
                }
                if (type.equals(OBJECT) || !seen.add(type)) {
                    continue;
                }
                try {
                    ClassReader next = read(loader, type);
                    if (next == null) {
                        return Optional.of(type.replace('/', '.'));
                    }
                    pending.add(next);
                } catch (IOException | IllegalArgumentException e) {
                    return Optional.of(type.replace('/', '.'));
                }
            }
        }
        return Optional.of("");
    }

    private static String[] supertypes(String superName, String[] interfaces) {
        if (superName == null) {
            return interfaces;
        }
        String[] all = new String[interfaces.length + 1];
        all[0] = superName;
        System.arraycopy(interfaces, 0, all, 1, interfaces.length);
        return all;
    }

    private static boolean isPublicStaticIfNested(ClassReader reader, String internalName) {
        if (!internalName.contains("$")) {
            return true;
        }
        boolean[] ok = {true};
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visitInnerClass(String name, String outerName, String innerName, int access) {
                if (name.equals(internalName)) {
                    ok[0] = (access & Opcodes.ACC_PUBLIC) != 0 && (access & Opcodes.ACC_STATIC) != 0;
                }
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return ok[0];
    }

    private static ClassReader read(ClassLoader loader, String internalName) throws IOException {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : new ClassReader(in.readAllBytes());
        }
    }
}
