package dev.platformsecrets.examples;

import dev.platformsecrets.resolve.Resolution;
import dev.platformsecrets.resolve.SecretResolver;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.rules.RuleTableLoader;
import dev.platformsecrets.secret.PlatformSecrets;
import dev.platformsecrets.secret.SecretManifests;
import dev.platformsecrets.store.SecretStore;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How install tooling embeds the library: take the values files and the store from the caller,
 * resolve against what the store already holds (so upgrades reuse generated values), save what
 * was produced, and hand the manifests to the installer. Every failure is a
 * {@link dev.platformsecrets.PlatformSecretsException} listing all problems of the run.
 */
public final class InstallerEmbedding {

    private InstallerEmbedding() {
    }

    /**
     * Resolves the chart's platform secrets for {@code valuesFiles} and returns their manifests as
     * multi-document YAML; the platform Secrets are created or replaced in {@code store}.
     */
    public static String platformSecretManifests(List<Path> valuesFiles, SecretStore store, String namespace) {
        RuleTable table = RuleTableLoader.byNameOrFile("pachyderm-2.10");
        Values values = ValuesLoader.withDefaults().load(table.defaults(), valuesFiles, List.of());
        Resolution resolution = SecretResolver.builder(table)
                .existing(store.asExistingSecrets())
                .build()
                .resolve(values);
        var secrets = PlatformSecrets.from(resolution, namespace, Map.of());
        secrets.forEach(store::save);
        return SecretManifests.yaml(secrets);
    }
}
