package dev.platformsecrets.buildtools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a Java class that holds the text of some UTF-8 files as string constants, with a lookup by
 * file name.
 *
 * <p>Why: the library's built-in rule tables are YAML files shipped as resources, and reading a
 * resource makes the class loader open the jar and index its whole directory. In the CLI's fat jar
 * that costs more than parsing the table itself, in a run that otherwise reads nothing from the jar
 * (its classes come from the class-data archive or AOT cache). A string constant is part of the class.
 * The YAML files stay the single source: the class is generated from them on every build.
 *
 * <p>Usage: {@code TextConstants OUTPUT_ROOT QUALIFIED_CLASS_NAME FILE...}; the class is written
 * under {@code OUTPUT_ROOT} in its package's folder, only when its content changed (so an unchanged
 * build does not recompile it).
 */
public final class TextConstants {

    /** The most bytes a class file constant holds (its modified UTF-8 length is a u2). */
    static final int MAX_CONSTANT_BYTES = 65_535;

    private TextConstants() {
    }

    /**
     * Writes the class; see the class comment for the arguments.
     *
     * @param args the output root, the class's qualified name and the files
     * @throws IOException when a file cannot be read or the class cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: TextConstants OUTPUT_ROOT QUALIFIED_CLASS_NAME FILE...");
        }
        List<Path> files = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        Path written = write(Path.of(args[0]), args[1], files);
        System.out.println("[text-constants] " + written + ": " + files.size() + " files");
    }

    /** Writes the class for {@code files} under {@code outputRoot}; returns the path of its source. */
    static Path write(Path outputRoot, String qualifiedName, List<Path> files) throws IOException {
        int dot = qualifiedName.lastIndexOf('.');
        String packageName = dot < 0 ? "" : qualifiedName.substring(0, dot);
        String className = qualifiedName.substring(dot + 1);
        Path source = outputRoot.resolve(packageName.replace('.', '/')).resolve(className + ".java");
        String content = source(packageName, className, files);
        if (Files.isRegularFile(source) && Files.readString(source, StandardCharsets.UTF_8).equals(content)) {
            return source;
        }
        Files.createDirectories(source.getParent());
        Path temporary = source.resolveSibling(className + ".java.tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, source, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return source;
    }

    /** The source of the class: one constant per file and {@code text(fileName)}. */
    static String source(String packageName, String className, List<Path> files) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("// Generated at build time by dev.platformsecrets.buildtools.TextConstants; do not edit.\n");
        if (!packageName.isEmpty()) {
            out.append("package ").append(packageName).append(";\n\n");
        }
        out.append("/** The text of files read at build time, by file name. */\n");
        out.append("final class ").append(className).append(" {\n\n");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String name = file.getFileName().toString();
            if (names.contains(name)) {
                throw new IllegalArgumentException("two files named " + name);
            }
            names.add(name);
            String text = readUtf8(file);
            if (modifiedUtf8Length(text) > MAX_CONSTANT_BYTES) {
                throw new IllegalArgumentException(file + " is too long for a string constant ("
                        + MAX_CONSTANT_BYTES + " bytes at most)");
            }
            out.append("    private static final String TEXT_").append(i).append(" = ").append(literal(text)).append(";\n");
        }
        out.append("\n    private ").append(className).append("() {\n    }\n\n");
        out.append("    /** The text of the file named {@code fileName}; {@code IllegalArgumentException} for another name. */\n");
        out.append("    static String text(String fileName) {\n");
        out.append("        switch (fileName) {\n");
        for (int i = 0; i < names.size(); i++) {
            out.append("            case ").append(literal(names.get(i))).append(":\n");
            out.append("                return TEXT_").append(i).append(";\n");
        }
        out.append("            default:\n");
        out.append("                throw new IllegalArgumentException(\"no text for \" + fileName);\n");
        out.append("        }\n    }\n}\n");
        return out.toString();
    }

    /**
     * A Java string literal for {@code text}. Line breaks and other control characters are written
     * as named or octal escapes, never as Unicode escapes (which the compiler would turn into real
     * line breaks before it reads the literal); characters outside ASCII as Unicode escapes.
     */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append('\\').append(String.format(Locale.ROOT, "%03o", (int) c));
                    } else if (c > 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String readUtf8(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8", e);
        }
    }

    /** The length of {@code text} in the class file's modified UTF-8. */
    static int modifiedUtf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            length += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return length;
    }
}
