package dev.platformsecrets.bench;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.Node;

/** The baseline every loading benchmark is compared with: snakeyaml-engine composing nodes, nothing else. */
final class ComposeBaseline {

    private ComposeBaseline() {
    }

    static Optional<Node> compose(byte[] bytes) {
        return new Compose(settings()).composeInputStream(new ByteArrayInputStream(bytes));
    }

    /** Every document of a multi-document stream. */
    static List<Node> composeAll(byte[] bytes) {
        List<Node> out = new ArrayList<>();
        new Compose(settings()).composeAllFromInputStream(new ByteArrayInputStream(bytes)).forEach(out::add);
        return out;
    }

    private static LoadSettings settings() {
        return LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build();
    }
}
