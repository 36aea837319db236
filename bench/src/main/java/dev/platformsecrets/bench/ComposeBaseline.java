package dev.platformsecrets.bench;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.Node;

/** The baseline every loading benchmark is compared with: snakeyaml-engine composing nodes, nothing else. */
final class ComposeBaseline {

    private ComposeBaseline() {
    }

    static Optional<Node> compose(byte[] bytes) {
        LoadSettings settings = LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build();
        return new Compose(settings).composeInputStream(new ByteArrayInputStream(bytes));
    }
}
