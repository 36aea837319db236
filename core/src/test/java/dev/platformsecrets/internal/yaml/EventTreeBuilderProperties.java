package dev.platformsecrets.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.Origin;
import dev.platformsecrets.values.MapNode;
import java.util.ArrayList;
import java.util.List;
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

    /** Keys, some repeating, some merge keys, some anchored or aliases (which may name a collection). */
    private static final String[] KEYS = {"a", "b", "name", "on", "<<", "1", "'q'", "\"d d\"", "&n2 k", "*n2 ", "*n0 "};
    private static final String[] SCALARS = {
        "1", "007", "~", "null", "", "on", "yes", "1e6", "-1.5", "text", "'single'", "\"dou\\tble\"",
        "two words", "!!str 12", "! 12", "'<<'"};

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
        assertThat(built).as("documents the event builder built").isGreaterThan(100);
        assertThat(handedOver).as("documents handed over to the composed reading").isGreaterThan(100);
    }

    /** Random values documents: a block mapping at the top, block or flow below it. */
    private static final class DocumentGrammar {
        private final Random random;
        private final List<String> anchors = new ArrayList<>();
        private final StringBuilder out = new StringBuilder();

        DocumentGrammar(Random random) {
            this.random = random;
        }

        String document() {
            int entries = 1 + random.nextInt(5);
            for (int i = 0; i < entries; i++) {
                out.append(key()).append(':');
                blockValue("");
            }
            return out.toString();
        }

        private void blockValue(String indent) {
            int choice = random.nextInt(10);
            String inner = indent + "  ";
            if (choice < 2 && indent.length() < 8) {
                out.append(anchor()).append('\n');
                int entries = 1 + random.nextInt(3);
                for (int i = 0; i < entries; i++) {
                    out.append(inner).append(key()).append(':');
                    blockValue(inner);
                }
            } else if (choice < 3 && indent.length() < 8) {
                out.append(anchor()).append('\n');
                int items = 1 + random.nextInt(3);
                for (int i = 0; i < items; i++) {
                    out.append(inner).append('-');
                    blockValue(inner);
                }
            } else if (choice < 4) {
                out.append(" |\n").append(inner).append("literal ").append(random.nextInt(9)).append('\n');
            } else {
                out.append(' ').append(flowValue(0)).append('\n');
            }
        }

        private String flowValue(int depth) {
            int choice = random.nextInt(10);
            if (choice < 2 && depth < 3) {
                StringBuilder map = new StringBuilder(anchor()).append('{');
                int entries = random.nextInt(4);
                for (int i = 0; i < entries; i++) {
                    map.append(i == 0 ? "" : ", ").append(key()).append(": ").append(flowValue(depth + 1));
                }
                return map.append('}').toString();
            }
            if (choice < 4 && depth < 3) {
                StringBuilder list = new StringBuilder(anchor()).append('[');
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    list.append(i == 0 ? "" : ", ").append(flowValue(depth + 1));
                }
                return list.append(']').toString();
            }
            if (choice < 6 && !anchors.isEmpty()) {
                return '*' + anchors.get(random.nextInt(anchors.size()));
            }
            if (choice < 7) {
                return "*undefined" + random.nextInt(2);
            }
            String scalar = SCALARS[random.nextInt(SCALARS.length)];
            return scalar.isEmpty() ? "''" : anchor() + scalar;
        }

        private String key() {
            return KEYS[random.nextInt(KEYS.length)];
        }

        /** Sometimes an anchor (followed by a space), which later aliases may name. */
        private String anchor() {
            if (random.nextInt(4) != 0) {
                return "";
            }
            String name = "n" + random.nextInt(4);
            anchors.add(name);
            return '&' + name + ' ';
        }
    }
}
