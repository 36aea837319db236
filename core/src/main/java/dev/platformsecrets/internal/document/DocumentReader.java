package dev.platformsecrets.internal.document;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.internal.text.Surrogates;
import dev.platformsecrets.internal.text.Utf8;
import dev.platformsecrets.internal.values.ValueNodes;
import dev.platformsecrets.internal.yaml.ReadingRules;
import dev.platformsecrets.internal.yaml.SourceText;
import dev.platformsecrets.internal.yaml.YamlProblems;
import dev.platformsecrets.values.HelmType;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.NullNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ScalarStyle;
import dev.platformsecrets.values.ValueNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads one JSON or YAML document (a Secret file, a pipeline spec) through Jackson's streaming
 * parser into a {@link ValueNode} tree in which every node keeps its file, line and column.
 *
 * <p>JSON is recognised by its first non-blank character ({@code {} or {@code [}); anything else is
 * read as YAML. Duplicate keys are errors naming both places; YAML aliases, tags other than the
 * core schema's and (except through {@code readAll}) more than one document are refused; the
 * {@link DocumentLimits} bound size and nesting. String scalars keep how they were written
 * ({@link ScalarStyle#PLAIN} for unquoted YAML), so that callers can apply YAML 1.1 typing where
 * Kubernetes tools do. Messages never quote the input, which may hold secrets.
 */
public final class DocumentReader {


    private final DocumentLimits limits;
    private final ReadConstraints constraints;
    private final TokenStreamFactory json;

    /** A reader with the given limits. */
    public DocumentReader(DocumentLimits limits) {
        this.limits = limits;
        this.constraints = new ReadConstraints(limits);
        this.json = JsonFactory.builder().streamReadConstraints(constraints.jackson()).build();
    }

    /**
     * The YAML factory for a text of {@code length} characters: snakeyaml's read buffer is sized
     * to the text, which keeps reading a long token linear ({@link SourceText#parserBufferSize}).
     */
    private TokenStreamFactory yaml(int length) {
        return YAMLFactory.builder()
                .streamReadConstraints(constraints.jackson())
                .loadSettings(LoadSettings.builder()
                        .setAllowDuplicateKeys(true) // reported by us, with both places
                        .setMaxAliasesForCollections(0)
                        .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()))
                        .setAllowRecursiveKeys(false)
                        .setBufferSize(SourceText.parserBufferSize(length))
                        .build())
                .build();
    }

    /** A reader with {@link DocumentLimits#defaults()}. */
    public static DocumentReader withDefaults() {
        return new DocumentReader(DocumentLimits.defaults());
    }

    /** Reads a file; the path as given labels every origin. */
    public ValueNode read(Path file) {
        return read(bytesOf(file), file.toString());
    }

    /** Reads a file that may hold several YAML documents ({@code ---}); empty documents are skipped. */
    public List<ValueNode> readAll(Path file) {
        return readAll(bytesOf(file), file.toString());
    }

    private byte[] bytesOf(Path file) {
        if (!file.toString().isEmpty() && java.nio.file.Files.notExists(file)) {
            throw PlatformSecretsException.Invalid.of(Origin.of(file.toString()), KeyPath.root(), "no such file");
        }
        return SourceText.readBytes(file, file.toString(), limits.maxBytes());
    }

    /** Reads UTF-8 bytes; {@code sourceName} labels every origin. */
    public ValueNode read(byte[] content, String sourceName) {
        List<ValueNode> documents = parse(content, sourceName, false);
        if (documents.isEmpty()) {
            throw PlatformSecretsException.Invalid.of(Origin.at(sourceName, 1, 1), KeyPath.root(), "the document is empty");
        }
        return documents.get(0);
    }

    /**
     * Reads UTF-8 bytes that may hold several YAML documents ({@code ---} separated), in order;
     * empty documents are skipped, as kubectl skips them.
     */
    public List<ValueNode> readAll(byte[] content, String sourceName) {
        return parse(content, sourceName, true);
    }

    private List<ValueNode> parse(byte[] content, String sourceName, boolean many) {
        if (content.length > limits.maxBytes()) {
            throw tooLarge(sourceName);
        }
        String text = Utf8.decode(content, sourceName);
        boolean isJson = looksLikeJson(text);
        try (JsonParser parser = (isJson ? json : yaml(text.length())).createParser(ObjectReadContext.empty(), text)) {
            Builder builder = new Builder(parser, sourceName, text);
            try {
                return documents(builder, parser, many);
            } catch (JacksonException e) {
                // the problems found before the parser gave up are reported with its own
                List<Problem> problems = new ArrayList<>(builder.problems);
                PlatformSecretsException refusal = malformed(e, sourceName, isJson, parser.currentLocation(), text);
                problems.addAll(refusal.problems());
                throw new PlatformSecretsException.Invalid(problems, e);
            }
        } catch (JacksonException e) {
            throw malformed(e, sourceName, isJson, null, text);
        }
    }

    private static List<ValueNode> documents(Builder builder, JsonParser parser, boolean many) {
        List<ValueNode> documents = new ArrayList<>();
        try {
            while (parser.nextToken() != null) {
                if (!many && !documents.isEmpty()) {
                    builder.problems.add(Problem.error(builder.origin(), KeyPath.root(),
                            "more than one document; give one document per file (or a kind: List)"));
                    break;
                }
                ValueNode document = builder.value(KeyPath.root(), 1);
                if (!(many && document instanceof NullNode)) {
                    documents.add(document);
                }
            }
        } catch (Stop stopped) {
            // the problems end with the reason
        }
        if (!builder.problems.isEmpty()) {
            throw new PlatformSecretsException.Invalid(builder.problems);
        }
        return documents;
    }

    /**
     * The refusal for a parser error: snakeyaml's own problem and mark when snakeyaml found it (a
     * character YAML does not allow, for example), else a message of ours at the parser's location.
     */
    private PlatformSecretsException malformed(JacksonException e, String sourceName, boolean isJson,
                                               TokenStreamLocation fallback, String text) {
        if (e.getCause() instanceof YamlEngineException yamlError) {
            return new PlatformSecretsException.Invalid(List.of(YamlProblems.of(yamlError, text, sourceName)), e);
        }
        TokenStreamLocation location = e.getLocation() != null ? e.getLocation() : fallback;
        Origin at = origin(sourceName, location);
        if (isJson && location != null && at.line() > 0) {
            // as for the tree's origins: a JSON reader counts UTF-16 units, the project code points
            at = Origin.at(sourceName, at.line(), new ReadingRules.CodePointColumns(text)
                    .column(location.getCharOffset(), at.column()));
        }
        String problem;
        if (e instanceof StreamConstraintsException exceeded) {
            problem = constraints.describe(exceeded);
        } else {
            problem = (isJson ? "malformed JSON: " : "malformed YAML: ") + Redaction.describe(e);
        }
        return new PlatformSecretsException.Invalid(List.of(Problem.error(at, KeyPath.root(), problem)), e);
    }

    private PlatformSecretsException tooLarge(String label) {
        return PlatformSecretsException.Invalid.of(Origin.of(label), KeyPath.root(),
                "the file is larger than the limit of " + limits.maxBytes() + " bytes");
    }

    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    static Origin origin(String sourceName, TokenStreamLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return Origin.of(sourceName);
        }
        return Origin.at(sourceName, location.getLineNr(), Math.max(location.getColumnNr(), 0));
    }

    /** Ends a reading that has reached a limit; the problems say which. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    /**
     * The problems of one reading, at most {@link DocumentLimits#MAX_PROBLEMS}: the last says that
     * reading stopped there, so that a file of millions of duplicate keys costs no more than its
     * first thousand.
     */
    private static final class CappedProblems extends ArrayList<Problem> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean add(Problem problem) {
            super.add(problem);
            if (size() >= DocumentLimits.MAX_PROBLEMS) {
                super.add(Problem.error(problem.origin(), KeyPath.root(), "more than " + DocumentLimits.MAX_PROBLEMS
                        + " problems; reading stopped here (fix these first)"));
                throw new Stop();
            }
            return true;
        }
    }

    /** Builds the tree from the token stream, collecting duplicate-key and alias problems. */
    private static final class Builder {
        private final JsonParser parser;
        private final String sourceName;
        private final List<Problem> problems = new CappedProblems();
        private int nodes;
        private boolean aliasReported;
        private final String text;
        private final ReadingRules.CodePointColumns columns;
        private long cursorCodePoint;
        private int cursorChar;

        Builder(JsonParser parser, String sourceName, String text) {
            this.columns = new ReadingRules.CodePointColumns(text);
            this.parser = parser;
            this.sourceName = sourceName;
            this.text = text;
        }

        /**
         * How the current string scalar was written: JSON strings are double-quoted; for YAML the
         * first character of the token tells. A tagged or anchored scalar counts as quoted.
         */
        private ScalarStyle stringStyle() {
            if (!(parser instanceof YAMLParser)) {
                return ScalarStyle.DOUBLE_QUOTED;
            }
            long codePoint = parser.currentTokenLocation().getCharOffset();
            if (codePoint < 0) {
                return ScalarStyle.DOUBLE_QUOTED;
            }
            if (codePoint < cursorCodePoint) {
                cursorCodePoint = 0;
                cursorChar = 0;
            }
            try {
                // YAML marks count code points; tokens arrive in order, so the cursor only moves forward.
                cursorChar = text.offsetByCodePoints(cursorChar, (int) (codePoint - cursorCodePoint));
                cursorCodePoint = codePoint;
            } catch (IndexOutOfBoundsException e) {
                return ScalarStyle.DOUBLE_QUOTED;
            }
            if (cursorChar >= text.length()) {
                return ScalarStyle.DOUBLE_QUOTED;
            }
            return switch (text.charAt(cursorChar)) {
                case '"', '!', '&' -> ScalarStyle.DOUBLE_QUOTED;
                case '\'' -> ScalarStyle.SINGLE_QUOTED;
                case '|' -> ScalarStyle.LITERAL;
                case '>' -> ScalarStyle.FOLDED;
                default -> ScalarStyle.PLAIN;
            };
        }

        /** Where the current token starts; JSON columns are turned into code points, as YAML's already are. */
        Origin origin() {
            TokenStreamLocation location = parser.currentTokenLocation();
            Origin origin = DocumentReader.origin(sourceName, location);
            if (parser instanceof YAMLParser || location == null || origin.line() == 0) {
                return origin;
            }
            return Origin.at(sourceName, origin.line(), columns.column(location.getCharOffset(), origin.column()));
        }

        ValueNode value(KeyPath path, int depth) {
            Origin origin = origin();
            if (++nodes > DocumentLimits.MAX_NODES) {
                problems.add(Problem.error(origin, path, "the document holds more nodes than the limit of "
                        + DocumentLimits.MAX_NODES + " (maps, lists and scalars)"));
                throw new Stop();
            }
            if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
                if (!aliasReported) {
                    problems.add(Problem.error(origin, path, "YAML aliases are not accepted in this document"));
                    aliasReported = true;
                }
                return ValueNodes.nullAt(origin);
            }
            if (parser instanceof YAMLParser yamlParser && yamlParser.getRawTag() != null
                    && !ReadingRules.isAllowedTag(yamlParser.getRawTag())) {
                problems.add(Problem.error(origin, path, ReadingRules.unsupportedTag("this document holds")));
                // a tagged map or list is still read, so that the problems inside it are reported too
                if (parser.currentToken() == JsonToken.START_OBJECT) {
                    return map(path, origin, depth);
                }
                if (parser.currentToken() == JsonToken.START_ARRAY) {
                    return list(path, origin, depth);
                }
                return ValueNodes.nullAt(origin);
            }
            JsonToken token = parser.currentToken();
            return switch (token) {
                case START_OBJECT -> map(path, origin, depth);
                case START_ARRAY -> list(path, origin, depth);
                case VALUE_STRING -> string(path, origin);
                case VALUE_NUMBER_INT -> typed(HelmType.INTEGER, "a number", origin);
                case VALUE_NUMBER_FLOAT -> typed(HelmType.FLOAT, "a number", origin);
                case VALUE_TRUE, VALUE_FALSE -> typed(HelmType.BOOLEAN, "a boolean", origin);
                case VALUE_NULL -> ValueNodes.nullAt(origin);
                default -> {
                    problems.add(Problem.error(origin, path, "unsupported value (" + token + ")"));
                    yield ValueNodes.nullAt(origin);
                }
            };
        }

        /** A string scalar; one holding a lone surrogate escape is refused ({@link Surrogates}). */
        private ValueNode string(KeyPath path, Origin origin) {
            String text = parser.getString();
            if (Surrogates.hasLone(text)) {
                problems.add(Problem.error(origin, path, "the string " + Surrogates.MESSAGE));
                return ValueNodes.nullAt(origin);
            }
            return ValueNodes.string(text, stringStyle(), origin);
        }

        private ScalarNode typed(HelmType type, String what, Origin origin) {
            return ValueNodes.scalar(parser.getString(), ScalarStyle.PLAIN, type, what + ", not a string", origin);
        }

        private MapNode map(KeyPath path, Origin origin, int depth) {
            Map<String, ValueNode> entries = new LinkedHashMap<>();
            Map<String, Origin> keyOrigins = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                Origin keyOrigin = origin();
                if (Surrogates.hasLone(key)) {
                    problems.add(Problem.error(keyOrigin, path, "a key " + Surrogates.MESSAGE));
                }
                parser.nextToken();
                ValueNode child = value(path.key(key), depth + 1);
                Origin first = keyOrigins.putIfAbsent(key, keyOrigin);
                if (first != null) {
                    problems.add(Problem.error(keyOrigin, path.key(key), ReadingRules.duplicateKey(first)));
                } else {
                    entries.put(key, child);
                }
            }
            return ValueNodes.map(entries, origin);
        }

        private ListNode list(KeyPath path, Origin origin, int depth) {
            List<ValueNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(value(path.index(items.size()), depth + 1));
            }
            return ValueNodes.list(items, origin);
        }
    }
}
