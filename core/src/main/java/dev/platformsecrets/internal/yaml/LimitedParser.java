package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.internal.problem.ProblemCollector;
import dev.platformsecrets.values.LoadLimits;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A parser that enforces the limits that need no tree, as the tree builder or the composer pulls
 * each event: nesting depth, alias uses and a single document stop reading at once (so hostile
 * input never reaches the composer's recursion); unsupported tags are collected and reported after
 * composing.
 */
final class LimitedParser implements Parser {

    private static final Set<String> ALLOWED_TAGS = Set.of(
            "!", Tag.STR.getValue(), Tag.INT.getValue(), Tag.FLOAT.getValue(), Tag.BOOL.getValue(),
            Tag.NULL.getValue(), Tag.MAP.getValue(), Tag.SEQ.getValue());

    private final Parser delegate;
    private final LoadLimits limits;
    private final String label;
    private final ProblemCollector tagProblems = new ProblemCollector();
    private int depth;
    private int aliases;
    private int documents;

    LimitedParser(Parser delegate, LoadLimits limits, String label) {
        this.delegate = delegate;
        this.limits = limits;
        this.label = label;
    }

    /** Whether values files may carry {@code tag} (the standard YAML types and the non-specific {@code !}). */
    static boolean isAllowedTag(String tag) {
        return ALLOWED_TAGS.contains(tag);
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
        return event;
    }

    private void check(Event event) {
        switch (event.getEventId()) {
            case DocumentStart -> {
                if (++documents > 1) {
                    throw refuse(event, "a second YAML document starts here; a values file holds exactly one document");
                }
            }
            case MappingStart, SequenceStart -> {
                if (++depth > limits.maxDepth()) {
                    throw refuse(event, "maps and lists nest deeper than the limit of " + limits.maxDepth() + " levels");
                }
                checkTag(((CollectionStartEvent) event).getTag(), event);
            }
            case MappingEnd, SequenceEnd -> depth--;
            case Alias -> {
                if (++aliases > limits.maxAliases()) {
                    throw refuse(event, "more alias uses (*name) than the limit of " + limits.maxAliases());
                }
            }
            case Scalar -> checkTag(((ScalarEvent) event).getTag(), event);
            default -> {
                // stream and document ends, comments: nothing to check
            }
        }
    }

    private Origin origin(Event event) {
        return event.getStartMark().map(mark -> YamlProblems.origin(mark, label)).orElse(Origin.of(label));
    }

    private PlatformSecretsException refuse(Event event, String message) {
        ProblemCollector problems = new ProblemCollector();
        problems.addAll(tagProblems.problems());
        problems.error(origin(event), KeyPath.root(), message);
        return new PlatformSecretsException.Invalid(problems.problems());
    }

    private void checkTag(Optional<String> tag, Event event) {
        if (tag.isPresent() && !isAllowedTag(tag.get())) {
            tagProblems.error(origin(event), KeyPath.root(), "an unsupported YAML tag; values files hold only strings, "
                    + "numbers, booleans, nulls, lists and maps (remove the tag)");
        }
    }
}
