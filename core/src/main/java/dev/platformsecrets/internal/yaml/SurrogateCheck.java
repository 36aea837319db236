package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.internal.text.Surrogates;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Refuses a scalar (value or key) that holds a lone surrogate, which only a {@code \\u} escape of a
 * double-quoted scalar can make ({@link Surrogates}): as go-yaml does, rather than store another
 * value than the one written.
 */
final class SurrogateCheck implements Parser {

    private final Parser delegate;
    private final String label;

    SurrogateCheck(Parser delegate, String label) {
        this.delegate = delegate;
        this.label = label;
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
        // Decoded UTF-8 holds no lone surrogate: only the escapes of a double-quoted scalar make one.
        if (event instanceof ScalarEvent scalar && scalar.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED
                && Surrogates.hasLone(scalar.getValue())) {
            Origin origin = event.getStartMark().map(mark -> YamlProblems.origin(mark, label)).orElse(Origin.of(label));
            throw PlatformSecretsException.Invalid.of(origin, KeyPath.root(), "the scalar " + Surrogates.MESSAGE);
        }
        return event;
    }
}
