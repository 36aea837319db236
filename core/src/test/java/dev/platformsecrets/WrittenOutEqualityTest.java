package dev.platformsecrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.resolve.Decision;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.rules.SecretRule;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Records whose {@code equals} and {@code hashCode} are written out (the generated ones bootstrap
 * through method handles on first use, a cost of the command line's start-up; see the Javadoc of
 * {@link Origin}) must still mean what the generated ones mean. Every such record of the library is
 * found in the compiled classes, so that a new component or a new written-out record is checked
 * without touching this test: changing any one component makes the record unequal, and records
 * built from equal (not identical) components are equal with equal hash codes.
 */
class WrittenOutEqualityTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*(?:<[^>]*>)?\\(");
    private static final Pattern WRITTEN_OUT = Pattern.compile(
            "public\\s+(?:boolean\\s+equals\\s*\\(\\s*Object|int\\s+hashCode\\s*\\(\\s*\\))");

    /** Two different values per component type, and how to make an equal but distinct copy of a value. */
    private record Samples(Object first, Object second, UnaryOperator<Object> copy) {
    }

    private static final Map<Class<?>, Samples> SAMPLES = samples();

    private static Map<Class<?>, Samples> samples() {
        List<SecretRule> rules = RuleTable.builtIn("pachyderm-2.10").rules();
        return Map.of(
                String.class, new Samples("Opaque", "kubernetes.io/tls", text -> new String(((String) text).toCharArray())),
                int.class, new Samples(1, 2, UnaryOperator.identity()),
                long.class, new Samples(1L, 2L, UnaryOperator.identity()),
                byte[].class, new Samples(new byte[] {1, 2}, new byte[] {1, 3}, bytes -> ((byte[]) bytes).clone()),
                SecretRule.class, new Samples(rules.get(0), rules.get(1), UnaryOperator.identity()),
                Decision.class, new Samples(new Decision.Missing(), new Decision.Absent(), UnaryOperator.identity()));
    }

    @Test
    @DisplayName("every written-out equals covers every component, and hashCode agrees with it")
    void writtenOutEqualsCoversEveryComponent() throws Exception {
        List<Class<?>> checked = new ArrayList<>();
        for (Class<?> type : writtenOutRecords()) {
            RecordComponent[] components = type.getRecordComponents();
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            Object[] base = new Object[components.length];
            Object[] copy = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                Samples samples = samplesFor(type, components[i]);
                base[i] = samples.first();
                copy[i] = samples.copy().apply(samples.first());
            }
            Object original = canonical.newInstance(base);
            Object equal = canonical.newInstance(copy);
            assertThat(equal).as(type.getName() + " from equal components").isEqualTo(original);
            assertThat(equal.hashCode()).as(type.getName() + ".hashCode from equal components").isEqualTo(original.hashCode());
            for (int i = 0; i < components.length; i++) {
                Object[] changed = base.clone();
                changed[i] = samplesFor(type, components[i]).second();
                assertThat(canonical.newInstance(changed)).as(type.getName() + " with another " + components[i].getName())
                        .isNotEqualTo(original);
            }
            checked.add(type);
        }
        assertThat(checked).extracting(Class::getSimpleName)
                .contains("Origin", "SecretReference", "SecretType", "Key", "Index", "Entry");
    }

    private static Samples samplesFor(Class<?> type, RecordComponent component) {
        Samples samples = SAMPLES.get(component.getType());
        assertThat(samples).as("samples for " + type.getName() + "." + component.getName()
                + " of type " + component.getType().getName() + ": add them to SAMPLES").isNotNull();
        return samples;
    }

    /**
     * The records whose source declares {@code equals} or {@code hashCode} (the class files cannot
     * tell: the generated methods are declared there too), as compiled classes.
     */
    private static List<Class<?>> writtenOutRecords() throws IOException, ClassNotFoundException {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = code(Files.readString(file));
                String top = SOURCES.relativize(file).toString().replace(java.io.File.separatorChar, '.').replace(".java", "");
                Matcher record = RECORD.matcher(source);
                while (record.find()) {
                    String body = body(source, source.indexOf('{', record.end()));
                    if (WRITTEN_OUT.matcher(body).find()) {
                        found.add(compiled(top, record.group(1)));
                    }
                }
            }
        }
        return found;
    }

    /** The source with comments and the insides of string and char literals blanked, same length. */
    private static String code(String source) {
        StringBuilder code = new StringBuilder(source);
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            int from;
            int end;
            int next;
            if (source.startsWith("//", i)) {
                from = i;
                end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
                next = end;
            } else if (source.startsWith("/*", i)) {
                from = i;
                end = source.indexOf("*/", i + 2) + 2;
                next = end;
            } else if (c == '"' || c == '\'') {
                from = i + 1;
                end = from;
                while (source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                next = end + 1;
            } else {
                i++;
                continue;
            }
            for (int j = from; j < end; j++) {
                if (code.charAt(j) != '\n') {
                    code.setCharAt(j, ' ');
                }
            }
            i = next;
        }
        return code.toString();
    }

    /** The text between the brace at {@code open} and its partner, in blanked source. */
    private static String body(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return code.substring(open, i + 1);
            }
        }
        throw new IllegalStateException("unbalanced braces");
    }

    /** The class of the top-level type {@code top} or of a type nested in it named {@code simpleName}. */
    private static Class<?> compiled(String top, String simpleName) throws ClassNotFoundException {
        ClassLoader loader = WrittenOutEqualityTest.class.getClassLoader();
        Class<?> outer = Class.forName(top, false, loader);
        if (outer.getSimpleName().equals(simpleName)) {
            return outer;
        }
        for (Class<?> nested : outer.getDeclaredClasses()) {
            if (nested.getSimpleName().equals(simpleName)) {
                return nested;
            }
        }
        throw new ClassNotFoundException(simpleName + " in " + top);
    }
}
