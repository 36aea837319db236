package dev.platformsecrets.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.SensitiveValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PachctlSecretsTest {

    private static Secret labelled(String name, Map<String, String> labels) {
        return Secret.opaque(name, Map.of("k", SensitiveValue.ofUtf8("v"))).withLabels(labels);
    }

    @Test
    void pachdsLabelsAreAddedAndOthersKept() {
        List<Secret> shaped = PachctlSecrets.asUserSecrets(List.of(labelled("a", Map.of("team", "ml", "secret-source", "mine")),
                labelled("b", Map.of("suite", "pachyderm"))));
        assertThat(shaped.get(0).labels()).containsExactly(Map.entry("secret-source", "pachyderm-user"),
                Map.entry("suite", "pachyderm"), Map.entry("team", "ml"));
        assertThat(shaped.get(1).labels()).containsOnlyKeys("secret-source", "suite");
        assertThat(shaped.get(0).data()).isEqualTo(labelled("a", Map.of()).data());
    }

    @Test
    void anotherSuiteIsRefusedInPachdsWordsForEverySecret() {
        PlatformSecretsException.Invalid thrown = catchThrowableOfType(PlatformSecretsException.Invalid.class,
                () -> PachctlSecrets.asUserSecrets(List.of(labelled("a", Map.of()), labelled("b", Map.of("suite", "other")),
                        labelled("c", Map.of("suite", "")))));
        assertThat(thrown.problems()).extracting(p -> p.render()).containsExactly(
                "Secret \"b\": [1].metadata.labels.suite: invalid suite label set on secret: suite=other",
                "Secret \"c\": [2].metadata.labels.suite: invalid suite label set on secret: suite=");
    }
}
