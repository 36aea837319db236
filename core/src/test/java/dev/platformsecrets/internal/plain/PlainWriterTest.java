package dev.platformsecrets.internal.plain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** The streaming writer gives the bytes Jackson's databind mappers give for the same plain values. */
class PlainWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper PRETTY_JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();
    private static final YAMLFactory YAML_FORMAT = YAMLFactory.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();
    private static final YAMLMapper DOCUMENTS = YAMLMapper.builder()
            .disable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();
    private static final YAMLFactory DOCUMENTS_FORMAT = YAMLFactory.builder()
            .disable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();

    /** Every kind of plain value the library writes, with strings that need quoting or escaping. */
    private static Object sample() {
        Map<String, Object> inner = new TreeMap<>();
        inner.put("yes", "yes");
        inner.put("zero", "0123");
        inner.put("multi", "line one\nline two\n");
        inner.put("quote", "it's \"quoted\": {not: a map}");
        inner.put("unicode", "caf\u00e9 \u2603 \ud83d\ude00");
        inner.put("empty", "");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("string", "plain");
        root.put("true", true);
        root.put("false", false);
        root.put("long", 999_999L);
        root.put("negative", -42L);
        root.put("int", 7);
        root.put("big", new BigInteger("123456789012345678901234567890"));
        root.put("double", 1.5e-7);
        root.put("decimal", new BigDecimal("3.14159"));
        root.put("null", null);
        root.put("inner", inner);
        root.put("list", Arrays.asList("a", 1L, null, List.of(), Map.of(), List.of(List.of("nested"))));
        root.put("emptyMap", new LinkedHashMap<>());
        root.put("binary", new byte[] {0, 1, 2, (byte) 0xff});
        return root;
    }

    @Test
    @DisplayName("compact and indented JSON equal the mappers' text")
    void json() {
        Object value = sample();
        assertThat(PlainWriter.write(new JsonFactory(), List.of(value))).isEqualTo(JSON.writeValueAsString(value));
        assertThat(PlainWriter.write(new JsonFactory(), new DefaultPrettyPrinter(), List.of(value)))
                .isEqualTo(PRETTY_JSON.writeValueAsString(value));
    }

    @Test
    @DisplayName("YAML equals the mapper's text, one document per root value")
    void yaml() {
        Object value = sample();
        assertThat(PlainWriter.write(YAML_FORMAT, List.of(value))).isEqualTo(YAML.writeValueAsString(value));
        List<Object> documents = List.of(value, Map.of("second", "document"));
        assertThat(PlainWriter.write(DOCUMENTS_FORMAT, documents)).isEqualTo(sequence(documents));
    }

    @Test
    @DisplayName("a value that is not plain is refused")
    void notPlain() {
        assertThatThrownBy(() -> PlainWriter.write(new JsonFactory(), List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
    }

    @Property(tries = 200)
    void sameBytesAsTheMappers(@ForAll("plainValues") Object value) {
        assertThat(PlainWriter.write(new JsonFactory(), List.of(value))).isEqualTo(JSON.writeValueAsString(value));
        assertThat(PlainWriter.write(YAML_FORMAT, List.of(value))).isEqualTo(YAML.writeValueAsString(value));
    }

    @Provide
    Arbitrary<Object> plainValues() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.of("yes", "no", "~", "null", "0x1F", "1e3", "- a", "a: b", "#c", "").map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        return Arbitraries.recursive(() -> scalars, this::containers, 3);
    }

    private Arbitrary<Object> containers(Arbitrary<Object> items) {
        return Arbitraries.oneOf(
                items.list().ofMaxSize(4).map(list -> (Object) new ArrayList<>(list)),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(6), items).ofMaxSize(4)
                        .map(map -> (Object) new TreeMap<>(map)));
    }

    /** The documents as databind's sequence writer writes them. */
    private static String sequence(List<Object> documents) {
        StringWriter out = new StringWriter();
        try (SequenceWriter writer = DOCUMENTS.writer().writeValues(out)) {
            for (Object document : documents) {
                writer.write(document);
            }
        }
        return out.toString();
    }
}
