package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.values.LoadLimits;
import dev.platformsecrets.values.MapNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Reads a values file with snakeyaml-engine into a {@link MapNode} whose every node keeps its
 * origin; a file of several documents ({@code ---}) is merged in order, as Helm merges them.
 *
 * <p>Events are pulled through a {@link LimitedParser}, which enforces the limits that need no
 * tree (nesting depth, alias uses, document separators, known tags) while events stream in, so that
 * hostile input is refused early. An {@link EventTreeBuilder} builds the tree straight from the
 * events; a document it does not accept as it stands (one with problems, or near the limits
 * through aliases) is read again by {@link ComposedTree}, which reports every problem. Plain
 * scalars are typed by the {@link ValueNodeFactory}; snakeyaml's own YAML 1.2 typing is switched
 * off by a schema that marks them instead.
 */
public final class YamlValuesReader {

    /**
     * Files up to this size are read whole and parsed from the text, which costs less than
     * streaming them (ChartBenchmark); larger ones stream, so that their text is never held whole.
     */
    private static final long WHOLE_FILE_BYTES = 1 << 20;

    private final LoadLimits limits;
    private final ValueNodeFactory factory;
    private final boolean oneDocument;

    /** A reader of values files (several documents merge) with the given limits and scalar typing. */
    public YamlValuesReader(LoadLimits limits, ValueNodeFactory factory) {
        this(limits, factory, false);
    }

    /**
     * A reader with the given limits and scalar typing; with {@code oneDocument}, a second
     * document is refused (for files that hold one document by contract, such as rule tables).
     */
    public YamlValuesReader(LoadLimits limits, ValueNodeFactory factory, boolean oneDocument) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.oneDocument = oneDocument;
    }

    /**
     * Reads one YAML document holding a mapping (an empty document is an empty mapping).
     *
     * @param label the name every origin carries
     * @throws PlatformSecretsException.Invalid with every problem found, never echoing the text
     */
    public MapNode read(String text, String label) {
        return readAll(text, label).tree();
    }

    /**
     * A values file's tree (its documents merged as Helm merges them) and the warnings of its
     * reading: keys that Helm retypes ({@code on:} becomes {@code true}).
     *
     * @param tree the merged documents
     * @param warnings the warnings, in reading order
     */
    public record Read(MapNode tree, List<Problem> warnings) {
        /** Copies the warnings. */
        public Read {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Reads YAML text: every document holding a mapping (an empty document is an empty mapping),
     * merged in order, with the warnings of the reading.
     *
     * @param label the name every origin carries
     * @throws PlatformSecretsException.Invalid with every problem found, never echoing the text
     */
    public Read readAll(String text, String label) {
        return read(text, label, true);
    }

    /**
     * Reads the text with the event builder first when {@code eventsFirst}, else straight with
     * the composed reading (for a file whose streamed reading has already failed or been handed over).
     */
    private Read read(String text, String label, boolean eventsFirst) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
        if (text.length() > limits.maxCodePoints() && text.codePointCount(0, text.length()) > limits.maxCodePoints()) {
            throw PlatformSecretsException.Invalid.of(Origin.of(label), KeyPath.root(),
                    "the document is larger than the limit of " + limits.maxCodePoints() + " characters");
        }
        LoadSettings settings = settings(limits, label, text.length());
        try {
            if (eventsFirst) {
                try {
                    return built(parser(settings, new StreamReader(settings, text), label), label);
                } catch (EventTreeBuilder.NotHandled notHandled) {
                    // read again below, by the reading that reports every problem
                }
            }
            ComposedTree composed = new ComposedTree(limits, label, factory);
            MapNode tree = composed.read(settings, parser(settings, new StreamReader(settings, text), label));
            return new Read(tree, composed.warnings());
        } catch (YamlEngineException error) {
            throw new PlatformSecretsException.Invalid(List.of(YamlProblems.of(error, text, label)), error);
        } catch (NumberFormatException truncatedEscape) {
            throw new PlatformSecretsException.Invalid(List.of(YamlProblems.truncatedEscape(text, label)));
        } catch (StackOverflowError tooDeep) {
            throw PlatformSecretsException.Invalid.of(Origin.of(label), KeyPath.root(),
                    "the document nests too deeply to be read");
        }
    }

    /**
     * Reads a values file: a regular file over 1 MiB streams through the parser without being held
     * whole, and is read again whole by the composed reading when it has problems, so that they are
     * reported exactly; a smaller file, or a pipe (which cannot be read twice), is read whole as
     * {@link #read(String, String)} reads text.
     *
     * @param label the name every origin carries
     * @throws PlatformSecretsException.Invalid when the file cannot be read or has problems
     */
    public MapNode read(Path file, String label) {
        return readAll(file, label).tree();
    }

    /**
     * Reads a values file as {@link #read(Path, String)} does, with the warnings of the reading.
     *
     * @param label the name every origin carries
     * @throws PlatformSecretsException.Invalid when the file cannot be read or has problems
     */
    public Read readAll(Path file, String label) {
        return readAll(file, label, WHOLE_FILE_BYTES);
    }

    /** {@link #readAll(Path, String)}, streaming regular files over {@code wholeFileBytes} (tests stream small ones). */
    Read readAll(Path file, String label, long wholeFileBytes) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(label, "label");
        long size = Files.isRegularFile(file) ? sizeOf(file) : 0;
        if (size > wholeFileBytes) {
            try (Reader chars = SourceReader.open(file, limits.maxFileBytes(), limits.maxCodePoints())) {
                LoadSettings settings = settings(limits, label, size);
                return built(parser(settings, new StreamReader(settings, chars), label), label);
            } catch (IOException | RuntimeException notStreamed) {
                // Reported exactly from the whole text, by the composed reading: the events have had their turn.
                return read(SourceText.read(file, label, limits.maxFileBytes()), label, false);
            }
        }
        return readAll(SourceText.read(file, label, limits.maxFileBytes()), label);
    }

    /** The size of a regular file, or 0 when it cannot be read (the whole-file reading says why). */
    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException unreadable) {
            return 0;
        }
    }

    /** The tree the event builder makes of the documents; an empty stream is an empty map. */
    private Read built(LimitedParser parser, String label) {
        EventTreeBuilder builder = new EventTreeBuilder(parser, limits, label, factory);
        Optional<MapNode> document = builder.document();
        MapNode tree = document.isPresent() ? document.get() : MapNode.empty(Origin.at(label, 1, 1));
        return new Read(tree, builder.warnings());
    }

    private LimitedParser parser(LoadSettings settings, StreamReader stream, String label) {
        return new LimitedParser(new SurrogateCheck(new ParserImpl(settings, stream), label), limits, label, oneDocument);
    }

    /**
     * snakeyaml's settings for reading a values file of {@code length} characters (or bytes): our
     * limits, plain scalars left to our typing, and a read buffer that keeps reading linear
     * ({@link SourceText#parserBufferSize}).
     */
    static LoadSettings settings(LoadLimits limits, String label, long length) {
        return LoadSettings.builder()
                .setLabel(label)
                .setBufferSize(SourceText.parserBufferSize(length))
                .setAllowDuplicateKeys(true)
                .setAllowNonScalarKeys(true)
                .setMaxAliasesForCollections(Math.max(1, limits.maxAliases()))
                .setCodePointLimit(limits.maxCodePoints() + 1)
                .setSchema(new PlainMarkingSchema())
                .build();
    }

    /** A schema that leaves plain scalars untyped (tagged {@link ComposedTree#PLAIN}) and quoted ones strings. */
    private static final class PlainMarkingSchema implements Schema {
        @Override
        public org.snakeyaml.engine.v2.resolver.ScalarResolver getScalarResolver() {
            return PlainMarking.RESOLVER;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return Map.of();
        }
    }

    /** The resolver of {@link PlainMarkingSchema}; a class, as it is made while the CLI starts. */
    private static final class PlainMarking implements org.snakeyaml.engine.v2.resolver.ScalarResolver {
        static final PlainMarking RESOLVER = new PlainMarking();

        @Override
        public Tag resolve(String value, Boolean implicit) {
            return Boolean.TRUE.equals(implicit) ? ComposedTree.PLAIN : Tag.STR;
        }
    }
}
