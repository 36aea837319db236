package dev.platformsecrets.pipeline;

import dev.platformsecrets.pipeline.PodFragments.SecretEnvVar;
import dev.platformsecrets.pipeline.PodFragments.SecretVolume;
import dev.platformsecrets.pipeline.PodFragments.VolumeMount;
import java.io.StringWriter;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes {@link PodFragments} as YAML or JSON, camelCase, always in this shape and order:
 *
 * <pre>
 * env:                        [{name, valueFrom: {secretKeyRef: {name, key}}}]
 * volumes:                    [{name, secret: {secretName}}]
 * initContainerVolumeMounts:  [{name, mountPath}]
 * userContainerVolumeMounts:  [{name, mountPath}]
 * imagePullSecrets:           [{name}]
 * </pre>
 *
 * Every key is present, an empty list as {@code []}; each list item is a valid part of a v1
 * {@code PodSpec} or {@code Container}. The same fragments always give the same bytes. In YAML
 * every string value is double-quoted: names such as {@code 0x1F}, {@code on}, {@code 1e3} or
 * {@code 0755} are valid keys and variables, and YAML 1.1 readers (kubectl's among them) would
 * otherwise read them as numbers or booleans.
 *
 * <p>Written through Jackson's streaming generators: the shape is fixed, so no data binding is
 * needed, and a short-lived CLI does not pay for starting it.
 */
public final class PodFragmentWriter {

    private static final TokenStreamFactory YAML = YAMLFactory.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .build();
    private static final TokenStreamFactory JSON = JsonFactory.builder().build();

    private PodFragmentWriter() {
    }

    /** The fragments as YAML. */
    public static String toYaml(PodFragments fragments) {
        return write(YAML, ObjectWriteContext.empty(), fragments);
    }

    /** The fragments as pretty-printed JSON (two-space indent), ending with a newline. */
    public static String toJson(PodFragments fragments) {
        return write(JSON, new PrettyContext(), fragments) + "\n";
    }

    private static String write(TokenStreamFactory factory, ObjectWriteContext context, PodFragments fragments) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = factory.createGenerator(context, text)) {
            out.writeStartObject();
            out.writeArrayPropertyStart("env");
            for (SecretEnvVar variable : fragments.env()) {
                out.writeStartObject();
                out.writeStringProperty("name", variable.name());
                out.writeObjectPropertyStart("valueFrom");
                out.writeObjectPropertyStart("secretKeyRef");
                out.writeStringProperty("name", variable.secretName());
                out.writeStringProperty("key", variable.key());
                out.writeEndObject();
                out.writeEndObject();
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayPropertyStart("volumes");
            for (SecretVolume volume : fragments.volumes()) {
                out.writeStartObject();
                out.writeStringProperty("name", volume.name());
                out.writeObjectPropertyStart("secret");
                out.writeStringProperty("secretName", volume.secretName());
                out.writeEndObject();
                out.writeEndObject();
            }
            out.writeEndArray();
            mounts(out, "initContainerVolumeMounts", fragments.initContainerVolumeMounts());
            mounts(out, "userContainerVolumeMounts", fragments.userContainerVolumeMounts());
            out.writeArrayPropertyStart("imagePullSecrets");
            for (String name : fragments.imagePullSecrets()) {
                out.writeStartObject();
                out.writeStringProperty("name", name);
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return text.toString();
    }

    private static void mounts(JsonGenerator out, String property, List<VolumeMount> mounts) {
        out.writeArrayPropertyStart(property);
        for (VolumeMount mount : mounts) {
            out.writeStartObject();
            out.writeStringProperty("name", mount.name());
            out.writeStringProperty("mountPath", mount.mountPath());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    /** A write context that only adds Jackson's default pretty printer. */
    private static final class PrettyContext extends ObjectWriteContext.Base {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    }
}
