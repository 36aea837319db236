package dev.platformsecrets.pipeline;

import dev.platformsecrets.pipeline.PodFragments.SecretEnvVar;
import dev.platformsecrets.pipeline.PodFragments.SecretVolume;
import dev.platformsecrets.pipeline.PodFragments.VolumeMount;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
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
 */
public final class PodFragmentWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PodFragmentWriter() {
    }

    /** The fragments as YAML. */
    public static String toYaml(PodFragments fragments) {
        return YAML.writeValueAsString(tree(fragments));
    }

    /** The fragments as pretty-printed JSON, ending with a newline. */
    public static String toJson(PodFragments fragments) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(fragments)) + "\n";
    }

    /** The fragments as a Jackson tree in the documented shape. */
    static ObjectNode tree(PodFragments fragments) {
        ObjectNode root = NODES.objectNode();
        ArrayNode env = root.putArray("env");
        for (SecretEnvVar variable : fragments.env()) {
            ObjectNode entry = env.addObject().put("name", variable.name());
            entry.putObject("valueFrom").putObject("secretKeyRef")
                    .put("name", variable.secretName())
                    .put("key", variable.key());
        }
        ArrayNode volumes = root.putArray("volumes");
        for (SecretVolume volume : fragments.volumes()) {
            volumes.addObject().put("name", volume.name()).putObject("secret").put("secretName", volume.secretName());
        }
        mounts(root.putArray("initContainerVolumeMounts"), fragments.initContainerVolumeMounts());
        mounts(root.putArray("userContainerVolumeMounts"), fragments.userContainerVolumeMounts());
        ArrayNode pullSecrets = root.putArray("imagePullSecrets");
        fragments.imagePullSecrets().forEach(name -> pullSecrets.addObject().put("name", name));
        return root;
    }

    private static void mounts(ArrayNode out, List<VolumeMount> mounts) {
        for (VolumeMount mount : mounts) {
            out.addObject().put("name", mount.name()).put("mountPath", mount.mountPath());
        }
    }
}
