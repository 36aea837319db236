package dev.platformsecrets.pipeline;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.internal.problem.ProblemCollector;
import dev.platformsecrets.internal.document.DocumentReader;
import dev.platformsecrets.pipeline.SecretMount.Field;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.ValueNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a pipeline spec (JSON or YAML, as {@code pachctl create pipeline} takes it) into a
 * {@link PipelineSpec}.
 *
 * <p>Both spellings protobuf's JSON reader accepts are accepted: {@code envVar}/{@code env_var},
 * {@code mountPath}/{@code mount_path}, {@code imagePullSecrets}/{@code image_pull_secrets}. Both
 * spellings of one field with different values is an error; with the same value a warning. Fields
 * other than {@code pipeline.name}, {@code transform.secrets} and {@code transform.imagePullSecrets}
 * are not looked at. Inside a secret entry an unknown field is an error, as in the real server's
 * JSON schema ({@code additionalProperties: false}), so that a typo such as {@code mountpath} does
 * not silently drop a mount.
 *
 * <p>Reading problems (malformed input, duplicate keys, wrong types, conflicting spellings) are all
 * thrown together as {@link PlatformSecretsException.Invalid}; the reference checks of
 * {@link PipelineChecker} run only on a spec that reads cleanly.
 */
public final class PipelineSpecReader {

    private static final KeyPath TRANSFORM = KeyPath.of("transform");

    private PipelineSpecReader() {
    }

    /**
     * Reads a spec file; the path as given labels every problem.
     *
     * @throws PlatformSecretsException.Invalid with every reading problem
     */
    public static PipelineSpec read(Path file) {
        return fromTree(DocumentReader.withDefaults().read(file));
    }

    /**
     * Reads UTF-8 spec content; {@code sourceName} labels every problem.
     *
     * @throws PlatformSecretsException.Invalid with every reading problem
     */
    public static PipelineSpec read(byte[] content, String sourceName) {
        return fromTree(DocumentReader.withDefaults().read(content, sourceName));
    }

    private static PipelineSpec fromTree(ValueNode root) {
        ProblemCollector problems = new ProblemCollector();
        SpecFields fields = new SpecFields(problems);
        if (!(root instanceof MapNode top)) {
            throw PlatformSecretsException.Invalid.of(root.origin(), KeyPath.root(),
                    "a pipeline spec must be a map, not " + SpecFields.describe(root));
        }
        String pipelineName = fields.field(top, KeyPath.root(), List.of("pipeline"))
                .flatMap(fields::map)
                .flatMap(pipeline -> fields.field(pipeline, KeyPath.of("pipeline"), List.of("name")))
                .flatMap(fields::string)
                .orElse("");
        Optional<MapNode> transform = fields.field(top, KeyPath.root(), List.of("transform")).flatMap(fields::map);
        List<SecretMount> secrets = transform
                .flatMap(map -> fields.field(map, TRANSFORM, List.of("secrets")))
                .map(found -> secretMounts(found, fields, problems))
                .orElse(List.of());
        List<ImagePullSecret> pullSecrets = transform
                .flatMap(map -> fields.field(map, TRANSFORM, List.of("imagePullSecrets", "image_pull_secrets")))
                .map(found -> imagePullSecrets(found, fields))
                .orElse(List.of());
        problems.throwIfErrors();
        return new PipelineSpec(pipelineName, secrets, pullSecrets, problems.warnings());
    }

    private static List<SecretMount> secretMounts(SpecFields.Found found, SpecFields fields, ProblemCollector problems) {
        List<SecretMount> mounts = new ArrayList<>();
        Optional<ListNode> list = fields.list(found);
        if (list.isEmpty()) {
            return mounts;
        }
        List<ValueNode> items = list.get().items();
        for (int i = 0; i < items.size(); i++) {
            SpecFields.Found item = new SpecFields.Found(items.get(i), found.path().index(i));
            fields.map(item).ifPresent(entry -> mounts.add(secretMount(entry, item.path(), fields, problems)));
        }
        return mounts;
    }

    private static SecretMount secretMount(MapNode entry, KeyPath path, SpecFields fields, ProblemCollector problems) {
        Map<Field, String> values = new EnumMap<>(Field.class);
        Map<Field, Location> locations = new EnumMap<>(Field.class);
        Set<Field> seen = EnumSet.noneOf(Field.class);
        for (Map.Entry<String, ValueNode> written : entry.entries().entrySet()) {
            Optional<Field> field = Field.forSpelling(written.getKey());
            if (field.isEmpty()) {
                problems.error(written.getValue().origin(), path.key(written.getKey()),
                        "unknown field; a secret entry has name, key, envVar (or env_var) and mountPath (or mount_path)");
                continue;
            }
            if (!seen.add(field.get())) {
                continue;
            }
            fields.field(entry, path, field.get().spellings()).ifPresent(found -> fields.string(found).ifPresent(text -> {
                values.put(field.get(), text);
                locations.put(field.get(), found.location());
            }));
        }
        return new SecretMount(
                values.getOrDefault(Field.NAME, ""),
                values.getOrDefault(Field.KEY, ""),
                values.getOrDefault(Field.ENV_VAR, ""),
                values.getOrDefault(Field.MOUNT_PATH, ""),
                new Location(path, entry.origin()),
                locations);
    }

    private static List<ImagePullSecret> imagePullSecrets(SpecFields.Found found, SpecFields fields) {
        Optional<ListNode> list = fields.list(found);
        if (list.isEmpty()) {
            return List.of();
        }
        List<ValueNode> items = list.get().items();
        List<ImagePullSecret> names = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SpecFields.Found item = new SpecFields.Found(items.get(i), found.path().index(i));
            fields.string(item).ifPresent(name -> names.add(new ImagePullSecret(name, item.location())));
        }
        return names;
    }
}
