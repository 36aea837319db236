package dev.platformsecrets.install;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.resolve.ExistingSecrets;
import dev.platformsecrets.resolve.Resolution;
import dev.platformsecrets.resolve.SecretResolver;
import dev.platformsecrets.resolve.ValueGenerator;
import dev.platformsecrets.resolve.ValuesOverlay;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.secret.PlatformSecrets;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretManifests;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import dev.platformsecrets.values.ValuesOverride;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@code platform-secrets resolve -f values.yaml --existing earlier.yaml --overlay NAME
 * --overlay-values overlay.yaml} does, as one call for install tools:
 *
 * <pre>{@code
 * InstallFlow.Result result = InstallFlow.builder("platform-secrets")
 *         .valuesFiles(List.of(Path.of("values.yaml")))
 *         .existing(store.asExistingSecrets())   // the Secrets of the earlier run: nothing rotates
 *         .namespace("pachyderm")
 *         .build()
 *         .run();
 * // create result.secrets() (result.manifestsYaml()), then:
 * // helm upgrade --install pach pachyderm/pachyderm -f values.yaml -f overlay.yaml
 * Files.writeString(Path.of("overlay.yaml"), result.overlayValuesYaml());
 * }</pre>
 *
 * <p>The table is {@code pachyderm-2.10} unless another is given. Feeding the overlay values back
 * as a later values file, with the Secrets of the earlier run as existing Secrets, gives the same
 * Secrets and overlay again; a rotated key changes only that key. Immutable and thread-safe when
 * its generator is.
 */
public final class InstallFlow {

    private final String overlaySecret;
    private final RuleTable table;
    private final List<Path> valuesFiles;
    private final List<ValuesOverride> overrides;
    private final ExistingSecrets existing;
    private final List<String> rotate;
    private final ValueGenerator generator;
    private final String namespace;
    private final Map<String, String> labels;

    private InstallFlow(Builder builder) {
        this.overlaySecret = builder.overlaySecret;
        this.table = builder.table;
        this.valuesFiles = List.copyOf(builder.valuesFiles);
        this.overrides = List.copyOf(builder.overrides);
        this.existing = builder.existing;
        this.rotate = List.copyOf(builder.rotate);
        this.generator = builder.generator;
        this.namespace = builder.namespace;
        this.labels = Map.copyOf(builder.labels);
    }

    /** A flow that externalises into the user-owned Secret {@code overlaySecret}. */
    public static Builder builder(String overlaySecret) {
        return new Builder(overlaySecret);
    }

    /**
     * Reads the values, resolves every rule, externalises and checks the Secrets.
     *
     * @throws PlatformSecretsException.Invalid with every problem of the run
     */
    public Result run() {
        Values values = ValuesLoader.withDefaults().load(table.defaults(), valuesFiles, overrides);
        SecretResolver.Builder resolver = SecretResolver.builder(table).existing(existing).generator(generator)
                .overlay(overlaySecret);
        rotate.forEach(resolver::rotate);
        Resolution resolution = resolver.build().resolve(values);
        ValuesOverlay overlay = ValuesOverlay.of(resolution, overlaySecret);
        List<Secret> secrets = PlatformSecrets.from(overlay, namespace, labels);
        List<Problem> warnings = new ArrayList<>(resolution.warnings());
        warnings.addAll(overlay.warnings());
        return new Result(secrets, overlay.valuesYaml(), warnings, resolution);
    }

    @Override
    public String toString() {
        return "InstallFlow[" + table.name() + " -> " + overlaySecret + "]";
    }

    /**
     * What the flow gives: the Secrets to create before Helm runs, the overlay values file, and the
     * warnings (values that stay plaintext among them). {@link #toString()} shows no value.
     *
     * @param secrets the Secrets to create (the overlay Secret and any written in place), by name
     * @param overlayValuesYaml the values file to give Helm after the user's own (holds no secret value)
     * @param warnings every warning of the run
     * @param resolution the decision for every rule, for reports
     */
    public record Result(List<Secret> secrets, String overlayValuesYaml, List<Problem> warnings, Resolution resolution) {

        /** Checks and copies the arguments. */
        public Result {
            secrets = List.copyOf(secrets);
            Objects.requireNonNull(overlayValuesYaml, "overlayValuesYaml");
            warnings = List.copyOf(warnings);
            Objects.requireNonNull(resolution, "resolution");
        }

        /** {@link #secrets()} as multi-document YAML manifests. */
        public String manifestsYaml() {
            return SecretManifests.yaml(secrets);
        }

        @Override
        public String toString() {
            return "InstallFlow.Result[" + secrets.stream().map(Secret::name).toList() + ", " + warnings.size()
                    + " warnings]";
        }
    }

    /** Configures an {@link InstallFlow}. */
    public static final class Builder {
        private final String overlaySecret;
        private RuleTable table = RuleTable.builtIn(RuleTable.DEFAULT_NAME);
        private List<Path> valuesFiles = List.of();
        private List<ValuesOverride> overrides = List.of();
        private ExistingSecrets existing = ExistingSecrets.none();
        private final List<String> rotate = new ArrayList<>();
        private ValueGenerator generator = ValueGenerator.secure();
        private String namespace = "";
        private Map<String, String> labels = new TreeMap<>();

        private Builder(String overlaySecret) {
            this.overlaySecret = Objects.requireNonNull(overlaySecret, "overlaySecret");
        }

        /** The rule table (default {@code pachyderm-2.10}, what the chart reads). */
        public Builder table(RuleTable rules) {
            this.table = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /** The values files, in Helm's order (later files win); the earlier overlay file may be the last. */
        public Builder valuesFiles(List<Path> files) {
            this.valuesFiles = List.copyOf(files);
            return this;
        }

        /** Helm-style overrides ({@code --set} and friends), applied after the files in Helm's order. */
        public Builder overrides(List<ValuesOverride> valuesOverrides) {
            this.overrides = ValuesOverride.inHelmOrder(List.copyOf(valuesOverrides));
            return this;
        }

        /** What already exists: the Secrets of the earlier run (a store, the cluster) and those NAME attributes name. */
        public Builder existing(ExistingSecrets secrets) {
            this.existing = Objects.requireNonNull(secrets, "secrets");
            return this;
        }

        /** Generates this key afresh ({@code root-token} or {@code pachyderm-auth/root-token}). */
        public Builder rotate(String key) {
            this.rotate.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** The source of generated values (default {@link ValueGenerator#secure()}). */
        public Builder generator(ValueGenerator valueGenerator) {
            this.generator = Objects.requireNonNull(valueGenerator, "valueGenerator");
            return this;
        }

        /** The namespace of the Secrets (default: none). */
        public Builder namespace(String name) {
            this.namespace = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Labels of the Secrets. */
        public Builder labels(Map<String, String> secretLabels) {
            this.labels = new TreeMap<>(secretLabels);
            return this;
        }

        /** The configured flow. */
        public InstallFlow build() {
            return new InstallFlow(this);
        }
    }
}
