package dev.platformsecrets.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretType;
import dev.platformsecrets.store.StoredSecret;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store against a real cluster, opt-in: {@code PLATFORM_SECRETS_CLUSTER_TEST=1} with kubectl's
 * configuration ({@code $KUBECONFIG} or {@code ~/.kube/config}, the current context) and the
 * namespace {@code $PLATFORM_SECRETS_CLUSTER_TEST_NAMESPACE} (default {@code default}). It creates
 * Secrets named {@code platform-secrets-it-*} and deletes them again.
 */
class RealClusterTest {

    private static final String SWITCH = "PLATFORM_SECRETS_CLUSTER_TEST";
    private static final String PREFIX = "platform-secrets-it-" + Integer.toHexString(new SecureRandom().nextInt());

    /** Each test is skipped, with this note in the report, unless the switch is set. */
    @BeforeEach
    void onlyWhenAskedFor() {
        assumeTrue("1".equals(System.getenv(SWITCH)),
                "skipped: set " + SWITCH + "=1 to run against the cluster of the current kubeconfig context");
    }

    private static KubernetesSecretStore store() {
        ClusterTarget target = ClusterTarget.defaults();
        String namespace = System.getenv("PLATFORM_SECRETS_CLUSTER_TEST_NAMESPACE");
        return KubernetesSecretStore.connect(namespace == null || namespace.isBlank() ? target : target.withNamespace(namespace));
    }

    private static Secret secret(String name, String value, boolean immutable) {
        return new Secret(name, "", SecretType.OPAQUE, new TreeMap<>(Map.of("k", SensitiveValue.ofUtf8(value))),
                new TreeMap<>(), new TreeMap<>(), immutable);
    }

    @Test
    void createReadReplaceAndDelete() {
        try (KubernetesSecretStore store = store()) {
            String name = PREFIX + "-a";
            try {
                StoredSecret created = store.create(secret(name, "one", false));
                assertThatThrownBy(() -> store.create(secret(name, "two", false))).isInstanceOf(PlatformSecretsException.AlreadyExists.class);
                assertThat(store.list()).extracting(StoredSecret::name).contains(name);
                StoredSecret replaced = store.replace(secret(name, "two", false));
                assertThat(replaced.created()).isEqualTo(created.created());
                assertThat(store.get(name).orElseThrow().secret().value("k")).contains(SensitiveValue.ofUtf8("two"));
            } finally {
                store.delete(name);
            }
            assertThat(store.get(name)).isEmpty();
            assertThatThrownBy(() -> store.delete(name)).isInstanceOf(PlatformSecretsException.NotFound.class);
        }
    }

    @Test
    void immutableAndApply() {
        try (KubernetesSecretStore store = store()) {
            String frozen = PREFIX + "-frozen";
            String applied = PREFIX + "-applied";
            try {
                store.create(secret(frozen, "v", true));
                assertThatThrownBy(() -> store.replace(secret(frozen, "w", true))).isInstanceOf(PlatformSecretsException.Conflict.class);
                assertThat(store.apply(List.of(secret(applied, "x", false)), false)).extracting(Applied::change)
                        .containsExactly(Applied.Change.CREATED);
                assertThat(store.apply(List.of(secret(applied, "x", false)), false)).extracting(Applied::change)
                        .containsExactly(Applied.Change.UNCHANGED);
            } finally {
                for (String name : List.of(frozen, applied)) {
                    if (store.get(name).isPresent()) {
                        store.delete(name);
                    }
                }
            }
        }
    }
}
