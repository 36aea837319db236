package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.internal.problem.ProblemCollector;
import dev.platformsecrets.values.LoadLimits;
import java.util.Optional;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ImplicitTuple;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A parser that enforces the limits that need no tree, as the tree builder or the composer pulls
 * each event: nesting depth, alias uses and the number of nodes stop reading at once (so hostile
 * input never reaches the composer's recursion, nor fills memory with a tree of millions of nodes),
 * and so does a document on its {@code ---} line, which Helm's splitting of a file into documents
 * refuses, or a second document in a file that holds one by contract; unsupported tags are
 * collected and reported after composing.
 *
 * <p>Nodes are counted as {@link ComposedTree} counts them (values, list items and maps, not map
 * keys; an alias use as one), so a document without aliases is refused at the same node with the
 * same message; aliases only make the composed count larger.
 */
final class LimitedParser implements Parser {

    /** How many times the node limit a document with aliases may hold before it is composed. */
    private static final int ALIASED_NODES_MARGIN = 4;

    private final Parser delegate;
    private final LoadLimits limits;
    private final String label;
    private final ProblemCollector tagProblems = new ProblemCollector();
    private int depth;
    private int aliases;
    /** Whether the file holds one document by contract (a rule table), not a values file's several. */
    private final boolean oneDocument;
    private int documents;
    /** The line of an explicit {@code ---} whose document has not yet shown its first node; -1 otherwise. */
    private int separatorLine = -1;
    private long nodes;
    /** Per open collection: bit 0 set for a map expecting a key, bit 1 for one that is a map, bit 2 inside a key. */
    private final java.util.ArrayDeque<int[]> collections = new java.util.ArrayDeque<>();

    LimitedParser(Parser delegate, LoadLimits limits, String label, boolean oneDocument) {
        this.oneDocument = oneDocument;
        this.delegate = delegate;
        this.limits = limits;
        this.label = label;
    }

    /** How many alias uses ({@code *name}) the events read so far hold. */
    int aliasUses() {
        return aliases;
    }

    /** The unsupported tags found so far, reported with the document's other problems. */
    java.util.List<dev.platformsecrets.Problem> tagProblems() {
        return tagProblems.problems();
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return delegate.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return delegate.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return delegate.hasNext();
    }

    @Override
    public Event next() {
        Event event = delegate.next();
        check(event);
        return nonSpecificAsString(event);
    }

    /**
     * A scalar tagged with the non-specific {@code !} as a {@code !!str} one: go-yaml v2 (Helm)
     * keeps {@code ! 42} a string, where snakeyaml would type it as if it were untagged.
     */
    private static Event nonSpecificAsString(Event event) {
        if (event instanceof ScalarEvent scalar && scalar.getTag().isPresent() && scalar.getTag().get().equals("!")) {
            return new ScalarEvent(scalar.getAnchor(), Optional.of(Tag.STR.getValue()), new ImplicitTuple(false, false),
                    scalar.getValue(), scalar.getScalarStyle(), scalar.getStartMark(), scalar.getEndMark());
        }
        return event;
    }

    private void check(Event event) {
        countNode(event);
        switch (event.getEventId()) {
            case DocumentStart -> {
                boolean explicit = ((DocumentStartEvent) event).isExplicit();
                if (++documents > 1 && oneDocument) {
                    throw refuse(event, "a second YAML document starts here; this file holds exactly one document");
                }
                separatorLine = explicit ? lineOf(event) : -1;
            }
            case MappingStart, SequenceStart -> {
                checkSeparatorLine(event);
                if (++depth > limits.maxDepth()) {
                    throw refuse(event, "maps and lists nest deeper than the limit of " + limits.maxDepth() + " levels");
                }
                checkTag(((CollectionStartEvent) event).getTag(), event);
            }
            case MappingEnd, SequenceEnd -> depth--;
            case Alias -> {
                checkSeparatorLine(event);
                if (++aliases > limits.maxAliases()) {
                    throw refuse(event, "more alias uses (*name) than the limit of " + limits.maxAliases());
                }
            }
            case Scalar -> {
                checkSeparatorLine(event);
                checkTag(((ScalarEvent) event).getTag(), event);
            }
            default -> {
                // stream and document ends, comments: nothing to check
            }
        }
    }

    /** Counts the nodes {@link ComposedTree} would count, refusing the one past the limit. */
    private void countNode(Event event) {
        Event.ID id = event.getEventId();
        if (id == Event.ID.MappingEnd || id == Event.ID.SequenceEnd) {
            collections.poll();
            return;
        }
        if (id != Event.ID.Scalar && id != Event.ID.Alias && id != Event.ID.MappingStart && id != Event.ID.SequenceStart) {
            return;
        }
        int[] parent = collections.peek();
        boolean isKey = parent != null && (parent[0] & 1) != 0;
        boolean inKey = parent != null && (parent[0] & 4) != 0;
        if (parent != null && (parent[0] & 2) != 0) {
            parent[0] ^= 1; // a key, then its value
        }
        // With aliases, ComposedTree counts their expansions and refuses first, with its own words;
        // the margin only bounds what it composes.
        boolean aliased = aliases > 0 || id == Event.ID.Alias;
        long limit = aliased ? ALIASED_NODES_MARGIN * (long) limits.maxNodes() : limits.maxNodes();
        if (!isKey && !inKey && ++nodes > limit) {
            throw refuse(event, (!aliased ? "the document holds more nodes than " : "the document expands to more nodes than ")
                    + "the limit of " + limits.maxNodes() + " nodes (maps, lists and scalars) per file");
        }
        if (id == Event.ID.MappingStart || id == Event.ID.SequenceStart) {
            collections.push(new int[] {(id == Event.ID.MappingStart ? 3 : 0) | (isKey || inKey ? 4 : 0)});
        }
    }

    private Origin origin(Event event) {
        Optional<Mark> mark = event.getStartMark();
        return mark.isPresent() ? YamlProblems.origin(mark.get(), label) : Origin.of(label);
    }

    private PlatformSecretsException refuse(Event event, String message) {
        ProblemCollector problems = new ProblemCollector();
        problems.addAll(tagProblems.problems());
        problems.error(origin(event), KeyPath.root(), message);
        return new PlatformSecretsException.Invalid(problems.problems());
    }

    private void checkTag(Optional<String> tag, Event event) {
        if (tag.isPresent() && !ReadingRules.isAllowedTag(tag.get())) {
            tagProblems.error(origin(event), KeyPath.root(), ReadingRules.unsupportedTag("values files hold"));
        }
    }

    /** Helm splits a file into documents at lines that hold only {@code ---} (and a comment). */
    private void checkSeparatorLine(Event event) {
        if (separatorLine >= 0 && lineOf(event) == separatorLine) {
            separatorLine = -1;
            throw refuse(event, "a document starts on its '---' line; Helm refuses such a separator (invalid Yaml "
                    + "document separator): start the document on the next line");
        }
        separatorLine = -1;
    }

    /** The line an event starts on (0-based, as snakeyaml counts), or -1 without a mark. */
    private static int lineOf(Event event) {
        Optional<Mark> mark = event.getStartMark();
        return mark.isPresent() ? mark.get().getLine() : -1;
    }
}
