package dev.platformsecrets.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.platformsecrets.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Validates rendered pod fragments against {@code testdata/schemas/pod-fragments.schema.json}. */
final class PodFragmentSchema {

    private static final Schema SCHEMA = load();

    private PodFragmentSchema() {
    }

    private static Schema load() {
        try {
            String text = Files.readString(TestData.root().resolve("schemas/pod-fragments.schema.json"));
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about a JSON document. */
    static List<String> errors(String json) {
        List<Error> errors = SCHEMA.validate(JsonMapper.builder().build().readTree(json));
        return errors.stream().map(Error::toString).toList();
    }

    /** Asserts that the JSON document has the structure of pod-spec parts. */
    static void assertValid(String json) {
        assertThat(errors(json)).as("schema errors").isEmpty();
    }
}
