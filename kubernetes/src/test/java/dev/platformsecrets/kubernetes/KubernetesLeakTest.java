package dev.platformsecrets.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak suite for the Kubernetes store: a planted value in a Secret's data and the planted
 * token of the kubeconfig must appear in no exception (message, cause or suppressed), no problem,
 * and no {@code toString()}, in plain text or base64, whatever the server answers.
 */
class KubernetesLeakTest {

    private static final String VALUE = "LEAK-cluster-value-4d2e";
    private static final List<String> PLANTED = List.of(VALUE, base64(VALUE), MockCluster.TOKEN, base64(MockCluster.TOKEN));

    @TempDir
    Path folder;

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Secret planted(String name) {
        return Secret.opaque(name, Map.of("password", SensitiveValue.ofUtf8(VALUE)));
    }

    /** Every text an exception carries: messages, problems, toString, through causes and suppressed ones. */
    private static List<String> texts(Throwable thrown) {
        List<String> texts = new ArrayList<>();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
            if (t instanceof PlatformSecretsException library) {
                library.problems().forEach(p -> texts.add(p.render()));
            }
            for (Throwable suppressed : t.getSuppressed()) {
                texts.addAll(texts(suppressed));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return texts;
    }

    private static void assertClean(List<String> texts) {
        for (String text : texts) {
            for (String planted : PLANTED) {
                assertThat(text).doesNotContain(planted);
            }
        }
    }

    private static Throwable thrownBy(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void noOperationOnTheCrudMockPrintsAValue() {
        List<String> texts = new ArrayList<>();
        try (MockCluster cluster = MockCluster.crud(folder); KubernetesSecretStore store = cluster.store()) {
            texts.add(store.create(planted("db")).toString());
            texts.add(store.get("db").orElseThrow().toString());
            texts.add(store.list().toString());
            texts.add(store.scan().toString());
            texts.add(store.apply(List.of(planted("applied")), false).toString());
            texts.add(store.toString());
            texts.addAll(texts(thrownBy(() -> store.create(planted("db")))));
            texts.addAll(texts(thrownBy(() -> store.create(Secret.opaque("Bad_Name", Map.of("bad key", SensitiveValue.ofUtf8(VALUE)))))));
            texts.addAll(texts(thrownBy(() -> store.apply(List.of(planted("db")), false))));
            texts.addAll(texts(thrownBy(() -> store.replace(planted("missing")))));
            texts.addAll(texts(thrownBy(() -> store.createAll(List.of(planted("x"), planted("x"))))));
        }
        assertClean(texts);
    }

    @Test
    void noErrorStatusPrintsAValueEvenWhenTheServerQuotesIt() {
        List<String> texts = new ArrayList<>();
        for (int code : new int[] {400, 401, 403, 404, 409, 410, 422, 429, 500, 503}) {
            try (MockCluster cluster = MockCluster.expectations(folder); KubernetesSecretStore store = cluster.store()) {
                var status = new StatusBuilder().withCode(code).withReason("Reason")
                        .withMessage("the server quotes " + VALUE + " and " + MockCluster.TOKEN)
                        .withNewDetails().withName("db").addNewCause().withField("data[password]").withMessage(VALUE).withReason("R").endCause()
                        .endDetails().build();
                cluster.server().expect().post().withPath("/api/v1/namespaces/pachyderm/secrets").andReturn(code, status).always();
                cluster.server().expect().get().withPath("/api/v1/namespaces/pachyderm/secrets").andReturn(code, status).always();
                texts.addAll(texts(thrownBy(() -> store.create(planted("db")))));
                texts.addAll(texts(thrownBy(store::list)));
            }
        }
        assertThat(texts).isNotEmpty();
        assertClean(texts);
    }
}
