package dev.platformsecrets.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.Origin;
import dev.platformsecrets.values.MapNode;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The law behind the two readings of a values document: on any document, the event builder either
 * gives exactly the tree the composed reading gives (origins included), or refuses exactly as the
 * composed reading does, or leaves the document to it. Documents come from a small YAML grammar with
 * block and flow collections, every scalar style, anchors, aliases (defined or not), merge keys
 * and keys that repeat, so that both the fast path and every hand-over are exercised.
 */
class EventTreeBuilderProperties {

    private static int built;
    private static int handedOver;

    @Property(tries = 1000)
    void eventsGiveTheComposedTreeOrHandOver(@ForAll long seed) {
        String text = new DocumentGrammar(new Random(seed)).document();
        Optional<MapNode> fromEvents;
        try {
            fromEvents = EventTreeBuilderTest.built(text);
        } catch (EventTreeBuilder.NotHandled leftToComposedReading) {
            Statistics.collect("handed over");
            handedOver++;
            return;
        } catch (RuntimeException refused) {
            assertThatThrownBy(() -> EventTreeBuilderTest.composed(text)).as(text)
                    .isInstanceOf(refused.getClass()).hasMessage(refused.getMessage());
            Statistics.collect("refused alike");
            return;
        }
        Statistics.collect("built");
        built++;
        assertThat(fromEvents.orElseGet(() -> MapNode.empty(Origin.at("v.yaml", 1, 1))))
                .as(text).isEqualTo(EventTreeBuilderTest.composed(text));
    }

    @AfterContainer
    static void bothPathsWereTaken() {
        assertThat(built).as("documents the event builder built").isGreaterThan(200);
        assertThat(handedOver).as("documents handed over to the composed reading").isGreaterThan(100);
    }
}
