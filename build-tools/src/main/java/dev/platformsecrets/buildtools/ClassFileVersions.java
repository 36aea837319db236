package dev.platformsecrets.buildtools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;

/**
 * Raises the class files of a jar that are older than Java 6 (version 50) to Java 8 (version 52),
 * with stack map frames computed by ASM, and leaves every other entry as it is.
 *
 * <p>Why: the JDK's ahead-of-time cache ({@code -XX:AOTCache}, JDK 24 and later) leaves out class
 * files older than version 50, since they can only be checked by the old verifier when loaded. The
 * CLI's picocli is compiled for Java 5, so without this step the CLI's command model would be
 * loaded, parsed and verified from the jar on every run. The classes behave exactly as before: only
 * their version changes, the frames the newer version requires are added, and any {@code jsr}/{@code
 * ret} subroutines (forbidden from version 51 on) are inlined.
 *
 * <p>The jar is rewritten in place (through a temporary file and an atomic rename), keeping the order,
 * times and compression method of its entries, so a reproducible build stays reproducible.
 */
public final class ClassFileVersions {

    /** The first class file version the AOT cache admits (Java 6). */
    static final int FIRST_ADMITTED = Opcodes.V1_6 & 0xFFFF;
    /** The version raised classes get. */
    static final int RAISED = Opcodes.V1_8;

    private ClassFileVersions() {
    }

    /**
     * Rewrites the jar named by the only argument; prints how many class files were raised.
     *
     * @param args the path of the jar
     * @throws IOException when the jar cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ClassFileVersions JAR");
        }
        Path jar = Path.of(args[0]);
        int raised = raise(jar);
        System.out.println("[class-file-versions] " + jar.getFileName() + ": " + raised
                + " class files raised from before version " + FIRST_ADMITTED + " to " + RAISED);
    }

    /**
     * Raises every class file of {@code jar} older than version 50 to version 52.
     *
     * @return how many class files were raised
     */
    static int raise(Path jar) throws IOException {
        Path temporary = Files.createTempFile(jar.toAbsolutePath().getParent(), jar.getFileName().toString(), ".tmp");
        int raised = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
                URLClassLoader hierarchy = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader());
                OutputStream file = Files.newOutputStream(temporary);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes = read(in, entry);
                byte[] written = bytes;
                if (entry.getName().endsWith(".class") && majorVersion(bytes) < FIRST_ADMITTED) {
                    written = raise(bytes, hierarchy);
                    raised++;
                }
                out.putNextEntry(copyOf(entry, written));
                out.write(written);
                out.closeEntry();
            }
        } catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(temporary);
            throw failure;
        }
        if (Files.getFileStore(jar).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(jar));
        }
        Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return raised;
    }

    /** The class file's major version, from its header (magic, minor, major). */
    static int majorVersion(byte[] classFile) {
        if (classFile.length < 8) {
            throw new IllegalArgumentException("not a class file: " + classFile.length + " bytes");
        }
        return ((classFile[6] & 0xFF) << 8) | (classFile[7] & 0xFF);
    }

    /**
     * The class at version 52 with computed frames; {@code hierarchy} loads (without initialising)
     * the classes whose common superclass the frames need.
     */
    static byte[] raise(byte[] classFile, ClassLoader hierarchy) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new HierarchyAwareWriter(hierarchy);
        reader.accept(new Raising(writer), ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /** Sets the new version and inlines subroutines, which class files from version 51 on may not have. */
    private static final class Raising extends ClassVisitor {
        Raising(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            super.visit(RAISED, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            return new JSRInlinerAdapter(next, access, name, descriptor, signature, exceptions);
        }
    }

    /** Computes frames and finds common superclasses through the jar's own classes. */
    private static final class HierarchyAwareWriter extends ClassWriter {
        private final ClassLoader hierarchy;

        HierarchyAwareWriter(ClassLoader hierarchy) {
            super(COMPUTE_FRAMES);
            this.hierarchy = hierarchy;
        }

        @Override
        protected ClassLoader getClassLoader() {
            return hierarchy;
        }
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    /** A new entry with the old one's name, times, comment and method, for {@code bytes}. */
    private static ZipEntry copyOf(ZipEntry entry, byte[] bytes) {
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setMethod(entry.getMethod());
        copy.setTime(entry.getTime());
        copy.setComment(entry.getComment());
        copy.setExtra(entry.getExtra());
        if (entry.getMethod() == ZipEntry.STORED) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            copy.setSize(bytes.length);
            copy.setCompressedSize(bytes.length);
            copy.setCrc(crc.getValue());
        }
        return copy;
    }
}
