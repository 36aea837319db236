package dev.platformsecrets.values;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.internal.problem.ProblemCollector;
import dev.platformsecrets.internal.text.Utf8;
import dev.platformsecrets.internal.yaml.ValueNodeFactory;
import dev.platformsecrets.internal.yaml.YamlValuesReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Loads values files and overrides into one {@link Values} tree the way Helm does, keeping the
 * origin of every value.
 *
 * <p>Files are read with snakeyaml-engine, the tree built straight from its parser events, and
 * typed as Helm's YAML 1.1 reader (go-yaml v2) types them; see {@link ScalarNode#helmType()}.
 * Several files merge left to right (maps deeply, anything else replaces); overrides then apply in
 * the order given, each with its flag's own parsing and typing ({@link ValuesOverride.Kind}); finally the result is coalesced over
 * the defaults, where a null deletes a default. Hostile input is refused within {@link LoadLimits}.
 * All problems of one {@link #load} are reported together in one
 * {@link PlatformSecretsException.Invalid}; no message ever contains a value.
 *
 * <p>Immutable and thread-safe.
 */
public final class ValuesLoader {

    private static final ValuesLoader DEFAULT = new ValuesLoader(LoadLimits.defaults());

    private final LoadLimits limits;
    private final YamlValuesReader reader;
    private final YamlValuesReader oneDocumentReader;

    private ValuesLoader(LoadLimits limits) {
        this.limits = limits;
        this.reader = new YamlValuesReader(limits, new HelmNodeFactory());
        this.oneDocumentReader = new YamlValuesReader(limits, new HelmNodeFactory(), true);
    }

    /** A loader with the default safety limits ({@link LoadLimits#defaults()}). */
    public static ValuesLoader withDefaults() {
        return DEFAULT;
    }

    /** A loader like this one with other safety limits. */
    public ValuesLoader withLimits(LoadLimits newLimits) {
        return new ValuesLoader(Objects.requireNonNull(newLimits, "newLimits"));
    }

    /** The safety limits this loader enforces. */
    public LoadLimits limits() {
        return limits;
    }

    /**
     * Parses YAML text into a mapping with origins (several documents merged in order, as Helm
     * merges them); the source name labels every origin.
     *
     * @throws PlatformSecretsException.Invalid with every problem of the document
     */
    public MapNode parse(String content, String sourceName) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(sourceName, "sourceName");
        return reader.read(content, sourceName);
    }

    /**
     * Parses one YAML file (strict UTF-8; {@code -} is the standard input) into a mapping with
     * origins labelled with the path as given (not made absolute).
     *
     * @throws PlatformSecretsException.Invalid when the file cannot be read or has problems
     */
    public MapNode parse(Path file) {
        return read(file).tree();
    }

    /**
     * Parses a YAML file that holds one document by contract (a rule table), typed as values are;
     * a second document is refused instead of merged.
     *
     * @throws PlatformSecretsException.Invalid when the file cannot be read or has problems
     */
    public MapNode parseOneDocument(Path file) {
        Objects.requireNonNull(file, "file");
        return oneDocumentReader.read(file, file.toString());
    }

    /**
     * Parses YAML text that holds one document by contract, as {@link #parseOneDocument(Path)}.
     *
     * @throws PlatformSecretsException.Invalid with every problem of the document
     */
    public MapNode parseOneDocument(String content, String sourceName) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(sourceName, "sourceName");
        return oneDocumentReader.read(content, sourceName);
    }

    /** The standard input's label in origins ({@code <stdin>:3:14}). */
    public static final String STANDARD_INPUT_LABEL = "<stdin>";

    /** The file name that stands for the standard input, as in Helm's {@code -f -}. */
    public static final Path STANDARD_INPUT = Path.of("-");

    private YamlValuesReader.Read read(Path file) {
        Objects.requireNonNull(file, "file");
        if (file.equals(STANDARD_INPUT)) {
            return reader.readAll(standardInput(), STANDARD_INPUT_LABEL);
        }
        return reader.readAll(file, file.toString());
    }

    /** The whole standard input, strict UTF-8 within the file size limit. */
    private String standardInput() {
        byte[] bytes;
        try {
            bytes = System.in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
        } catch (java.io.IOException unreadable) {
            throw PlatformSecretsException.Invalid.of(Origin.of(STANDARD_INPUT_LABEL), KeyPath.root(),
                    "cannot read the standard input (" + unreadable.getClass().getSimpleName() + ")");
        }
        if (bytes.length > limits.maxFileBytes()) {
            throw PlatformSecretsException.Invalid.of(Origin.of(STANDARD_INPUT_LABEL), KeyPath.root(),
                    "the standard input is larger than the limit of " + limits.maxFileBytes() + " bytes");
        }
        return Utf8.decode(bytes, STANDARD_INPUT_LABEL);
    }

    /**
     * Merges, left to right: each file, then each override in order, and coalesces the result
     * over the defaults (an empty map for none); all problems of the run are reported together.
     *
     * @throws PlatformSecretsException.Invalid with the problems of every file and override
     */
    public Values load(MapNode defaults, List<Path> files, List<ValuesOverride> overrides) {
        Objects.requireNonNull(defaults, "defaults");
        return coalesce(defaults, merge(files, overrides));
    }

    /**
     * The user's side of {@link #load}: each file, then each override, merged left to right, with
     * no defaults yet. For callers that learn the defaults later, such as a command line that
     * reads the values while the rule table whose defaults they go over is still loading;
     * {@link #coalesce} finishes the merge exactly as {@code load} would.
     *
     * @throws PlatformSecretsException.Invalid with the problems of every file and override
     */
    public MapNode merge(List<Path> files, List<ValuesOverride> overrides) {
        return mergeWithWarnings(files, overrides).tree();
    }

    /**
     * The user's values as {@link #merge} makes them, and the warnings of reading them: a map key
     * that Helm's YAML 1.1 reading retypes ({@code on:} becomes {@code true}, {@code 010:} becomes
     * {@code 8}), which a dotted path then reaches only under its new name.
     *
     * @param tree the merged user values
     * @param warnings the warnings, file by file in reading order
     */
    public record Merged(MapNode tree, List<Problem> warnings) {
        /** Copies the warnings. */
        public Merged {
            Objects.requireNonNull(tree, "tree");
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * {@link #merge} with the warnings of the reading.
     *
     * @throws PlatformSecretsException.Invalid with the problems of every file and override
     */
    public Merged mergeWithWarnings(List<Path> files, List<ValuesOverride> overrides) {
        ProblemCollector problems = new ProblemCollector();
        List<Problem> warnings = new ArrayList<>();
        MapNode user = MapNode.empty(Origin.UNKNOWN);
        for (Path file : List.copyOf(files)) {
            try {
                YamlValuesReader.Read read = read(file);
                warnings.addAll(read.warnings());
                user = HelmMerge.mergeMaps(user, read.tree());
            } catch (PlatformSecretsException.Invalid invalid) {
                problems.addAll(invalid.problems());
            }
        }
        Overrides.Session session = new Overrides.Session(user, limits);
        for (ValuesOverride override : List.copyOf(overrides)) {
            try {
                session.apply(override);
            } catch (PlatformSecretsException.Invalid invalid) {
                problems.addAll(invalid.problems());
            }
        }
        problems.throwIfErrors();
        return new Merged(session.result(), warnings);
    }

    /** The {@link #merge merged} user values coalesced over {@code defaults}, as Helm lays values over a chart's. */
    public static Values coalesce(MapNode defaults, MapNode user) {
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(user, "user");
        return Values.of(HelmMerge.coalesce(defaults, user));
    }

    /** Types plain scalars and keys as Helm's YAML 1.1 reading does. */
    private static final class HelmNodeFactory implements ValueNodeFactory {
        @Override
        public ValueNode plainScalar(String text, Origin origin) {
            return HelmTyping.plain(text, origin);
        }

        @Override
        public String plainKey(String text) {
            return HelmTyping.plainKey(text);
        }

        @Override
        public ValueNode taggedScalar(String tag, String text, ScalarStyle style, Origin origin) {
            return HelmTyping.tagged(tag, text, style, origin);
        }

        @Override
        public String taggedKey(String tag, String text) {
            return HelmTyping.taggedKey(tag, text);
        }

        @Override
        public MapNode mergeDocuments(MapNode earlier, MapNode later) {
            return HelmMerge.mergeMaps(earlier, later);
        }
    }
}
