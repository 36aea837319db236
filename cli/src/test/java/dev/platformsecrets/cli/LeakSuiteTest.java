package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.cli.HostileCorpusTest.Run;
import dev.platformsecrets.resolve.ExistingSecrets;
import dev.platformsecrets.resolve.Resolution;
import dev.platformsecrets.resolve.ResolutionReport;
import dev.platformsecrets.resolve.SecretResolver;
import dev.platformsecrets.resolve.ValueGenerator;
import dev.platformsecrets.resolve.ValuesOverlay;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretFile;
import dev.platformsecrets.secret.SecretFiles;
import dev.platformsecrets.secret.SecretManifests;
import dev.platformsecrets.store.FileSecretStore;
import dev.platformsecrets.store.StoredSecret;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import dev.platformsecrets.values.ValuesOverride;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants a distinctive value in every place a secret can enter (RAW attributes of a values file,
 * {@code --set}, {@code --set-file}, Secret files' {@code data} and {@code stringData}, existing
 * secrets, the store, generated values) and runs every CLI command, failing runs included, and the
 * library's outputs, asserting that each value appears only in the output meant to carry it: never on
 * stderr, in a report, an exception message or a {@code toString()}. Each value is looked for in plain
 * text and in standard base64.
 *
 * <p>Intended outputs: the merged values printed by {@code values} (its job is to show them), the
 * base64 {@code data} of Secret manifests and of the overlay Secret, {@code inspect secret
 * --show-values}. Every leak found is listed in one failure; the class prints {@code leaks found: N}.
 */
class LeakSuiteTest {

    /** Kind of entry to the planted value; every value is distinctive and ends with the same marker. */
    private static final Map<String, String> PLANTED = new LinkedHashMap<>();

    static {
        PLANTED.put("raw", "LEAK-raw-7f3a9c");
        PLANTED.put("set", "LEAK-set-7f3a9c");
        PLANTED.put("setfile", "LEAK-setfile-7f3a9c");
        PLANTED.put("data", "LEAK-data-7f3a9c");
        PLANTED.put("stringdata", "LEAK-stringdata-7f3a9c");
        PLANTED.put("existing", "LEAK-existing-7f3a9c");
        PLANTED.put("number", "7319864205");
    }

    private static final List<String> LEAKS = new ArrayList<>();
    private static int checked;
    private int leaksBefore;

    @TempDir
    Path dir;

    private Path store;

    @BeforeEach
    void files() throws IOException {
        leaksBefore = LEAKS.size();
        store = dir.resolve("store");
        Files.writeString(dir.resolve("values.yaml"), "pachd:\n  enterpriseLicenseKey: \"" + PLANTED.get("raw") + "\"\n"
                + "oidc:\n  upstreamIDPsSecretName: my-idps\n");
        Files.writeString(dir.resolve("token.txt"), PLANTED.get("setfile"));
        Files.writeString(dir.resolve("secret.json"), secretJson("db-creds", "\"data\": {\"password\": \""
                + base64(PLANTED.get("data")) + "\"}, \"stringData\": {\"user\": \"" + PLANTED.get("stringdata") + "\"}"));
        Files.writeString(dir.resolve("spec.json"), "{\"pipeline\": {\"name\": \"p\"}, \"transform\": {\"secrets\": ["
                + "{\"name\": \"db-creds\", \"envVar\": \"PASSWORD\", \"key\": \"password\"},"
                + "{\"name\": \"db-creds\", \"mountPath\": \"/var/run/db\"}]}}\n");
    }

    private static String secretJson(String name, String rest) {
        return "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"" + name + "\"}, " + rest + "}\n";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- the check -----------------------------------------------------------------------------

    /** Records a leak for every planted value (plain or base64) in {@code text} not in {@code allowed}. */
    private static void scan(String where, String text, Set<String> allowed) {
        scan(where, text, allowed, PLANTED);
    }

    private static void scan(String where, String text, Set<String> allowed, Map<String, String> planted) {
        checked++;
        planted.forEach((kind, value) -> {
            if (allowed.contains(kind)) {
                return;
            }
            if (text.contains(value)) {
                LEAKS.add(where + ": " + kind + " value in plain text");
            }
            if (text.contains(base64(value))) {
                LEAKS.add(where + ": " + kind + " value in base64");
            }
        });
    }

    private void assertNoLeaks() {
        assertThat(LEAKS.subList(leaksBefore, LEAKS.size())).as("leaks").isEmpty();
    }

    @AfterAll
    static void report() {
        System.out.println("LeakSuiteTest: " + checked + " outputs checked, leaks found: " + LEAKS.size());
    }

    private Run cli(String... args) {
        Run run = HostileCorpusTest.capture(() -> Main.run(args));
        String name = String.join(" ", args).replace(dir.toString(), "DIR");
        scan(name + " [stderr]", run.stderr(), Set.of());
        return run;
    }

    // ---- CLI -----------------------------------------------------------------------------------

    @Test
    void valuesPrintsValuesOnlyOnStdoutAndNeverWithOrigins() {
        String[] inputs = {"-f", dir.resolve("values.yaml").toString(), "--set", "pachd.rootToken=" + PLANTED.get("set"),
            "--set-file", "pachd.oauthClientSecret=" + dir.resolve("token.txt")};
        Run printed = cli(concat(new String[] {"values"}, inputs));
        assertThat(printed.exit()).isZero();
        assertThat(printed.stdout()).contains(PLANTED.get("raw"), PLANTED.get("set"), PLANTED.get("setfile"));
        scan("values [stdout]", printed.stdout(), Set.of("raw", "set", "setfile"));
        Run json = cli(concat(new String[] {"values", "-o", "json"}, inputs));
        scan("values -o json [stdout]", json.stdout(), Set.of("raw", "set", "setfile"));
        Run origins = cli(concat(new String[] {"values", "--origins"}, inputs));
        assertThat(origins.exit()).isZero();
        scan("values --origins [stdout]", origins.stdout(), Set.of());
        assertNoLeaks();
    }

    @Test
    void failingValuesRunsNeverQuoteThePlantedValues() throws IOException {
        Map<String, String> broken = new LinkedHashMap<>();
        String raw = PLANTED.get("raw");
        broken.put("duplicate", "pachd:\n  rootToken: \"" + raw + "\"\n  rootToken: \"" + raw + "\"\n");
        broken.put("unclosed", "pachd:\n  rootToken: \"" + raw + "\n");
        broken.put("escape", "pachd:\n  rootToken: \"" + raw + "\\q\"\n");
        broken.put("colon", "pachd:\n  rootToken: " + raw + ": " + raw + "\n");
        broken.put("after-value", "pachd:\n  rootToken: \"" + raw + "\" trailing " + raw + "\n");
        broken.put("tab", "pachd:\n\trootToken: " + raw + "\n");
        broken.put("bad-char", "pachd:\n  rootToken: " + raw + "\u0007" + raw + "\n");
        broken.put("flow", "pachd: {rootToken: " + raw + ", [" + raw + "\n");
        broken.put("tag", "pachd:\n  rootToken: !" + raw + " " + raw + "\n");
        broken.put("anchor", "pachd:\n  rootToken: *" + raw + "\n");
        for (Map.Entry<String, String> file : broken.entrySet()) {
            Path values = Files.writeString(dir.resolve(file.getKey() + ".yaml"), file.getValue());
            Run run = cli("values", "-f", values.toString());
            assertThat(run.exit()).as(file.getKey()).isEqualTo(Cli.PROBLEMS);
            scan("values " + file.getKey() + " [stdout]", run.stdout(), Set.of());
        }
        String set = PLANTED.get("set");
        List<String[]> overrides = List.of(
                new String[] {"--set", "pachd.rootToken=" + set + "," + set},
                new String[] {"--set", set + "[" + set + "]=x"},
                new String[] {"--set", "a[99999999]=" + set},
                new String[] {"--set-json", "pachd.rootToken={\"a\": \"" + set + "\""},
                new String[] {"--set-json", "pachd.rootToken=" + set},
                new String[] {"--set-file", "pachd.rootToken=" + dir.resolve("missing.txt") + "," + set},
                new String[] {"--set-string", "pachd.rootToken={" + set});
        for (String[] override : overrides) {
            Run run = cli(concat(new String[] {"values"}, override));
            assertThat(run.exit()).as(String.join(" ", override)).isEqualTo(Cli.PROBLEMS);
        }
        assertNoLeaks();
    }

    @Test
    void usageErrorsAndHostileInputsNeverEchoThePlantedValues() throws IOException {
        String set = PLANTED.get("set");
        String raw = PLANTED.get("raw");
        List<String[]> usage = List.of(
                new String[] {"resolve", "--set-strng", "pachd.rootToken=" + set},
                new String[] {"values", "--set-strng=pachd.rootToken=" + set},
                new String[] {"values", "-" + set},
                new String[] {"inspect", "secret", "demo", set},
                new String[] {"list", "secret", "-o", set},
                new String[] {"resolve", "-o", set},
                new String[] {"values", "--set"},
                new String[] {"create", set});
        for (String[] args : usage) {
            Run run = cli(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(Cli.USAGE);
            scan(String.join(" ", args) + " [stdout]", run.stdout(), Set.of());
        }
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("surrogate", "pachd:\n  rootToken: \"" + raw + "\\ud800\"\n");
        hostile.put("long-token", "pachd:\n  rootToken: \"" + raw + "x".repeat(300_000) + raw + "\"\n  rootToken: 1\n");
        hostile.put("long-comment", "# " + raw + "x".repeat(300_000) + "\npachd:\n  rootToken: [" + raw + "\n");
        hostile.put("many-duplicates", ("pachd:\n  rootToken: \"" + raw + "\"\n").repeat(500));
        for (Map.Entry<String, String> file : hostile.entrySet()) {
            Path values = Files.writeString(dir.resolve(file.getKey() + ".yaml"), file.getValue());
            Run run = cli("values", "-f", values.toString());
            assertThat(run.exit()).as(file.getKey()).isEqualTo(Cli.PROBLEMS);
            scan("values " + file.getKey() + " [stdout]", run.stdout(), Set.of());
        }
        Path secret = Files.writeString(dir.resolve("surrogate-secret.json"), secretJson("s",
                "\"stringData\": {\"k\": \"" + PLANTED.get("stringdata") + "\\udc00\"}"));
        Run created = cli("create", "secret", "-f", secret.toString(), "--store", store.toString());
        assertThat(created.exit()).isEqualTo(Cli.PROBLEMS);
        assertNoLeaks();
    }

    @Test
    void secretCommandsShowValuesOnlyWhenAsked() {
        String file = dir.resolve("secret.json").toString();
        Run validated = cli("secret", "validate", "-f", file);
        assertThat(validated.exit()).isZero();
        scan("secret validate [stdout]", validated.stdout(), Set.of());
        Run created = cli("create", "secret", "-f", file, "--store", store.toString());
        assertThat(created.exit()).as(created.stderr()).isZero();
        scan("create secret [stdout]", created.stdout(), Set.of());
        Run again = cli("create", "secret", "-f", file, "--store", store.toString());
        assertThat(again.exit()).isEqualTo(Cli.PROBLEMS);
        for (String[] args : List.of(
                new String[] {"list", "secret"}, new String[] {"list", "secret", "-o", "json"},
                new String[] {"inspect", "secret", "db-creds"}, new String[] {"inspect", "secret", "db-creds", "-o", "json"},
                new String[] {"inspect", "secret", "missing"},
                new String[] {"pipeline", "check", "-f", dir.resolve("spec.json").toString()},
                new String[] {"pipeline", "render", "-f", dir.resolve("spec.json").toString()},
                new String[] {"pipeline", "render", "-o", "json", "-f", dir.resolve("spec.json").toString()})) {
            Run run = cli(concat(args, new String[] {"--store", store.toString()}));
            scan(String.join(" ", args) + " [stdout]", run.stdout(), Set.of());
        }
        Run shown = cli("inspect", "secret", "db-creds", "--show-values", "--store", store.toString());
        assertThat(shown.stdout()).contains(PLANTED.get("data"), PLANTED.get("stringdata"));
        scan("inspect --show-values [stdout]", shown.stdout(), Set.of("data", "stringdata"));
        Run shownJson = cli("inspect", "secret", "db-creds", "--show-values", "-o", "json", "--store", store.toString());
        assertThat(shownJson.stdout()).contains(base64(PLANTED.get("data")));
        scan("inspect --show-values -o json [stdout]", shownJson.stdout(), Set.of("data", "stringdata"));
        Run deleted = cli("delete", "secret", "db-creds", "--store", store.toString());
        assertThat(deleted.exit()).isZero();
        scan("delete secret [stdout]", deleted.stdout(), Set.of());
        assertNoLeaks();
    }

    @Test
    void clusterBackendCommandsShowValuesOnlyWhenAsked() throws IOException {
        Map<String, String> planted = new LinkedHashMap<>(PLANTED);
        planted.put("kubeconfig-token", MockClusterFixture.TOKEN);
        String file = dir.resolve("secret.json").toString();
        try (MockClusterFixture cluster = new MockClusterFixture(dir)) {
            String[] backend = concat(cluster.backend(), new String[] {"-n", "leaks"});
            Run created = cli(concat(new String[] {"create", "secret", "-f", file}, backend));
            assertThat(created.exit()).as(created.stderr()).isZero();
            scan("cluster create secret [stdout]", created.stdout(), Set.of(), planted);
            Run again = cli(concat(new String[] {"create", "secret", "-f", file}, backend));
            assertThat(again.exit()).isEqualTo(Cli.PROBLEMS);
            for (String[] args : List.of(
                    new String[] {"list", "secret"}, new String[] {"list", "secret", "-o", "json"},
                    new String[] {"inspect", "secret", "db-creds"}, new String[] {"inspect", "secret", "db-creds", "-o", "json"},
                    new String[] {"inspect", "secret", "missing"},
                    new String[] {"pipeline", "check", "-f", dir.resolve("spec.json").toString()},
                    new String[] {"pipeline", "render", "-f", dir.resolve("spec.json").toString()},
                    new String[] {"resolve", "-f", dir.resolve("values.yaml").toString(), "--save"},
                    new String[] {"explain", "-f", dir.resolve("values.yaml").toString()},
                    new String[] {"delete", "secret", "db-creds"}, new String[] {"delete", "secret", "db-creds"})) {
                Run run = cli(concat(args, backend));
                scan("cluster " + String.join(" ", args) + " [stdout]", run.stdout(),
                        args[0].equals("resolve") ? Set.of("raw") : Set.of(), planted);
                scan("cluster " + String.join(" ", args) + " [stderr, token]", run.stderr(), Set.of(), planted);
            }
            Path closed = dir.resolve("closed-kubeconfig");
            MockClusterFixture.writeKubeconfig(closed, "http://127.0.0.1:9");
            Run unreachable = cli("list", "secret", "--backend", "kubernetes", "--kubeconfig", closed.toString());
            assertThat(unreachable.exit()).isEqualTo(Cli.PROBLEMS);
            scan("cluster unreachable [stdout]", unreachable.stdout(), Set.of(), planted);
            scan("cluster unreachable [stderr, token]", unreachable.stderr(), Set.of(), planted);
            scan("cluster create again [stderr, token]", again.stderr(), Set.of(), planted);
        }
        assertNoLeaks();
    }

    @Test
    void refusedSecretFilesNeverQuoteTheirValues() throws IOException {
        String data = base64(PLANTED.get("data"));
        String plain = PLANTED.get("stringdata");
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("bad-base64-neighbour", "\"data\": {\"password\": \"" + data + "\", \"other\": \"%%%" + data + "\"}");
        broken.put("bad-key-name", "\"data\": {\"pass/word\": \"" + data + "\"}, \"stringData\": {\"us er\": \"" + plain + "\"}");
        broken.put("bad-name", "\"stringData\": {\"user\": \"" + plain + "\"}, \"metadata2\": 1");
        broken.put("data-number", "\"data\": {\"password\": 7319864205, \"user\": \"" + data + "\"}");
        broken.put("string-data-list", "\"stringData\": {\"user\": [\"" + plain + "\"]}");
        broken.put("docker-config", "\"type\": \"kubernetes.io/dockerconfigjson\", \"stringData\": {\".dockerconfigjson\": \"{"
                + plain + "\"}");
        broken.put("docker-config-json", "\"type\": \"kubernetes.io/dockerconfigjson\", \"stringData\": {\".dockerconfigjson\": "
                + "\"{\\\"auths\\\": {\\\"x\\\": \\\"" + plain + "\"}");
        broken.put("tls-without-key", "\"type\": \"kubernetes.io/tls\", \"stringData\": {\"tls.crt\": \"" + plain + "\"}");
        broken.put("truncated", "\"data\": {\"password\": \"" + data);
        for (Map.Entry<String, String> file : broken.entrySet()) {
            Path secret = Files.writeString(dir.resolve(file.getKey() + ".json"),
                    secretJson(file.getKey().equals("bad-name") ? "Bad_Name" : "demo", file.getValue()));
            Run validated = cli("secret", "validate", "-f", secret.toString());
            assertThat(validated.exit()).as(file.getKey()).isEqualTo(Cli.PROBLEMS);
            scan("secret validate " + file.getKey() + " [stdout]", validated.stdout(), Set.of());
            Run created = cli("create", "secret", "-f", secret.toString(), "--store", store.toString());
            assertThat(created.exit()).as(file.getKey()).isEqualTo(Cli.PROBLEMS);
            scan("create secret " + file.getKey() + " [stdout]", created.stdout(), Set.of());
            PlatformSecretsException refused = catchThrowableOfType(PlatformSecretsException.class, () -> SecretFiles.read(secret));
            scan("SecretFiles.read " + file.getKey() + " exception", describe(refused), Set.of());
        }
        assertNoLeaks();
    }

    /** The values file, existing secrets and a values file with an unquoted number, as resolve arguments. */
    private String[][] resolveInputs() throws IOException {
        Path existing = Files.writeString(dir.resolve("existing.json"), "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": ["
                + secretJson("my-idps", "\"stringData\": {\"upstream-idps\": \"- id: okta\"}").strip() + ","
                + secretJson("pachyderm-enterprise", "\"stringData\": {\"enterprise-secret\": \"" + PLANTED.get("existing")
                        + "\"}").strip() + "]}");
        Path number = Files.writeString(dir.resolve("number.yaml"), "pachd:\n  enterpriseLicenseKey: " + PLANTED.get("number")
                + "\n  rootToken: \"" + PLANTED.get("raw") + "\"\noidc:\n  upstreamIDPsSecretName: my-idps\n");
        return new String[][] {
            {"-f", dir.resolve("values.yaml").toString(), "--existing", existing.toString()},
            {"-f", number.toString(), "--existing", existing.toString()}};
    }

    /** Manifests (and the overlay Secret) carry the values in base64 only; the overlay values file never. */
    @Test
    void resolveThroughTheCliCarriesValuesOnlyInBase64() throws IOException {
        String[][] inputs = resolveInputs();
        Run resolved = cli(concat(new String[] {"resolve"}, inputs[0]));
        assertThat(resolved.exit()).as(resolved.stderr()).isZero();
        assertThat(resolved.stdout()).contains(base64(PLANTED.get("raw")));
        scanPlainOnly("resolve [stdout]", resolved.stdout(), PLANTED);
        scan("resolve [stdout]", resolved.stdout(), Set.of("raw", "existing"));
        Path overlayValues = dir.resolve("overlay-values.yaml");
        Run externalised = cli(concat(new String[] {"resolve", "-o", "json", "--set", "pachd.rootToken=" + PLANTED.get("set"),
            "--overlay", "platform-secrets-overlay", "--overlay-values", overlayValues.toString()}, inputs[0]));
        assertThat(externalised.exit()).as(externalised.stderr()).isZero();
        assertThat(externalised.stdout()).contains(base64(PLANTED.get("set")));
        scanPlainOnly("resolve --overlay [stdout]", externalised.stdout(), PLANTED);
        scan("resolve --overlay [stdout]", externalised.stdout(), Set.of("raw", "set", "existing"));
        scan("resolve --overlay-values [file]", Files.readString(overlayValues), Set.of());
        Run refused = cli(concat(new String[] {"resolve"}, inputs[1]));
        assertThat(refused.exit()).isEqualTo(Cli.PROBLEMS);
        scan("resolve unquoted number [stdout]", refused.stdout(), Set.of());
        assertNoLeaks();
    }

    /** explain (table and JSON) and rules never show a value, whether they succeed or fail. */
    @Test
    void explainAndRulesThroughTheCliNeverShowValues() throws IOException {
        String[][] inputs = resolveInputs();
        for (String[] format : List.of(new String[0], new String[] {"-o", "json"})) {
            Run explained = cli(concat(concat(new String[] {"explain"}, inputs[0]), format));
            assertThat(explained.exit()).as(explained.stderr()).isZero();
            scan("explain [stdout]", explained.stdout(), Set.of());
            Run refused = cli(concat(concat(new String[] {"explain"}, inputs[1]), format));
            scan("explain unquoted number [stdout]", refused.stdout(), Set.of());
        }
        Path table = Files.writeString(dir.resolve("table.yaml"), "name: t\nrules:\n  - key: k\n    rawAttribute: a.b\n"
                + "    fallback: {value: \"" + PLANTED.get("raw") + "\", when: \"a.c &&\"}\n");
        Run rules = cli("rules", "--rules", table.toString());
        assertThat(rules.exit()).isEqualTo(Cli.PROBLEMS);
        scan("rules [stdout]", rules.stdout(), Set.of());
        assertNoLeaks();
    }

    // ---- library -------------------------------------------------------------------------------

    @Test
    void resolutionCarriesValuesOnlyIntoManifestsAndTheOverlaySecret() throws IOException {
        Path existingFile = Files.writeString(dir.resolve("existing.json"), "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": ["
                + secretJson("my-idps", "\"stringData\": {\"upstream-idps\": \"- id: okta\"}").strip() + ","
                + secretJson("pachyderm-enterprise", "\"stringData\": {\"enterprise-secret\": \"" + PLANTED.get("existing") + "\"}")
                        .strip() + "]}");
        SecretFile existing = SecretFiles.load(existingFile);
        Values values = ValuesLoader.withDefaults().load(RuleTable.builtIn(RuleTable.DEFAULT_NAME).defaults(),
                List.of(dir.resolve("values.yaml")), List.of(
                        new ValuesOverride(ValuesOverride.Kind.SET, "pachd.rootToken=" + PLANTED.get("set")),
                        new ValuesOverride(ValuesOverride.Kind.SET_FILE, "pachd.oauthClientSecret=" + dir.resolve("token.txt"))));
        Resolution resolution = SecretResolver.builder(RuleTable.builtIn(RuleTable.DEFAULT_NAME))
                .existing(SecretFiles.existing(existing.secrets())).generator(ValueGenerator.seeded(20261128)).build()
                .resolve(values);
        Map<String, String> generated = generatedValues(resolution);
        assertThat(generated).as("generated values").isNotEmpty();
        Map<String, String> all = new LinkedHashMap<>(PLANTED);
        all.putAll(generated);
        Set<String> resolved = Set.of("raw", "set", "setfile", "existing");
        Set<String> carried = new java.util.HashSet<>(resolved);
        carried.addAll(generated.keySet());

        List<Secret> manifests = new ArrayList<>();
        resolution.secrets().forEach((name, data) -> manifests.add(Secret.opaque(name, data)));
        String yaml = SecretManifests.yaml(manifests);
        String json = SecretManifests.jsonList(manifests);
        for (String kind : carried) {
            assertThat(yaml).as("manifest carries " + kind).contains(base64(all.get(kind)));
        }
        scanPlainOnly("manifests yaml", yaml, all);
        scanPlainOnly("manifests json", json, all);
        scan("Resolution.toString", resolution.toString(), Set.of(), all);
        scan("explain table", ResolutionReport.table(resolution), Set.of(), all);
        scan("explain json", ResolutionReport.json(resolution), Set.of(), all);
        scan("references", resolution.references().toString(), Set.of(), all);
        scan("outcomes", resolution.outcomes().toString(), Set.of(), all);
        scan("warnings", resolution.warnings().stream().map(Problem::render).collect(Collectors.joining("\n")), Set.of(), all);
        scan("Values.toString", values.toString() + values.root().entries(), Set.of(), all);
        scan("secrets map toString", resolution.secrets().toString(), Set.of(), all);
        scan("existing secrets toString", existing.toString() + existing.secrets(), Set.of(), all);
        ValuesOverlay overlay = ValuesOverlay.of(resolution, "platform-secrets-overlay");
        scan("overlay values file", overlay.valuesYaml(), Set.of(), all);
        scan("ValuesOverlay.toString", overlay.toString(), Set.of(), all);
        String overlaySecret = SecretManifests.yaml(List.of(Secret.opaque(overlay.secretName(), overlay.data())));
        assertThat(overlaySecret).contains(base64(PLANTED.get("raw")));
        scanPlainOnly("overlay Secret", overlaySecret, all);
        assertNoLeaks();
    }

    @Test
    void failedResolutionAndStoreObjectsNeverShowValues() throws IOException {
        Path values = Files.writeString(dir.resolve("number.yaml"), "pachd:\n  enterpriseLicenseKey: " + PLANTED.get("number")
                + "\n  rootToken: \"" + PLANTED.get("raw") + "\"\n  rootTokenSecretName: \"\"\n"
                + "  enterpriseSecret: 0" + PLANTED.get("number") + "\noidc:\n  upstreamIDPs: \"" + PLANTED.get("raw") + "\"\n");
        PlatformSecretsException refused = catchThrowableOfType(PlatformSecretsException.class,
                () -> SecretResolver.builder(RuleTable.builtIn(RuleTable.DEFAULT_NAME)).generator(ValueGenerator.seeded(1))
                        .existing(ExistingSecrets.none()).build()
                        .resolve(ValuesLoader.withDefaults().load(RuleTable.builtIn(RuleTable.DEFAULT_NAME).defaults(),
                                List.of(values), List.of())));
        assertThat(refused).as("an unquoted number is refused").isNotNull();
        scan("unquoted number exception", describe(refused), Set.of());

        FileSecretStore files = new FileSecretStore(store);
        List<StoredSecret> stored = files.createAll(SecretFiles.read(dir.resolve("secret.json")));
        scan("StoredSecret.toString", stored.toString() + files.list() + files.get("db-creds").orElseThrow(), Set.of());
        scan("Secret.toString", stored.get(0).secret().toString() + stored.get(0).secret().data(), Set.of());
        scan("FileSecretStore.toString", files.toString(), Set.of());
        scan("SensitiveValue.toString", SensitiveValue.ofUtf8(PLANTED.get("data")).toString(), Set.of());
        PlatformSecretsException exists = catchThrowableOfType(PlatformSecretsException.class,
                () -> files.create(stored.get(0).secret()));
        scan("AlreadyExists", describe(exists), Set.of());
        scan("ValuesOverride.toString", new ValuesOverride(ValuesOverride.Kind.SET, "a=" + PLANTED.get("set")).toString(), Set.of());
        assertNoLeaks();
    }

    @Test
    void batchesDamagedStoresAndMetadataErrorsNeverShowValues() throws IOException {
        String data = base64(PLANTED.get("data"));
        String plain = PLANTED.get("stringdata");
        // metadata decoding errors next to planted data, and a List refused for a repeated name
        Path metadata = Files.writeString(dir.resolve("metadata.json"), "{\"apiVersion\": \"v1\", \"kind\": \"Secret\","
                + " \"metadata\": {\"name\": \"m\", \"uid\": 5, \"generation\": 99999999999999999999,"
                + " \"creationTimestamp\": \"x\"}, \"data\": {\"password\": \"" + data + "\"}, \"stringData\": {\"u\": \"" + plain
                + "\"}}\n");
        Path repeated = Files.writeString(dir.resolve("repeated.json"), "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": ["
                + secretJson("twice", "\"metadata2\": 1, \"data\": {\"password\": \"" + data + "\"}").strip() + ","
                + "{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"metadata\": {\"name\": \"twice\", \"namespace\": \"ns\"},"
                + " \"stringData\": {\"u\": \"" + plain + "\"}}]}");
        for (Path file : List.of(metadata, repeated)) {
            Run created = cli("create", "secret", "-f", file.toString(), "--store", store.toString());
            assertThat(created.exit()).as(file.toString()).isEqualTo(Cli.PROBLEMS);
            scan("create secret " + file.getFileName() + " [stdout]", created.stdout(), Set.of());
        }
        // a save refused by an immutable Secret, whose old and new values are planted
        FileSecretStore files = new FileSecretStore(store);
        files.create(new dev.platformsecrets.secret.Secret("frozen", "", dev.platformsecrets.secret.SecretType.OPAQUE,
                new java.util.TreeMap<>(Map.of("password", SensitiveValue.ofUtf8(PLANTED.get("existing")))),
                new java.util.TreeMap<>(), new java.util.TreeMap<>(), true));
        PlatformSecretsException refused = catchThrowableOfType(PlatformSecretsException.class, () -> files.saveAll(List.of(
                dev.platformsecrets.secret.Secret.opaque("fresh", Map.of("k", SensitiveValue.ofUtf8(PLANTED.get("set")))),
                new dev.platformsecrets.secret.Secret("frozen", "", dev.platformsecrets.secret.SecretType.OPAQUE,
                        new java.util.TreeMap<>(Map.of("password", SensitiveValue.ofUtf8(PLANTED.get("raw")))),
                        new java.util.TreeMap<>(), new java.util.TreeMap<>(), true))));
        scan("saveAll refused", describe(refused), Set.of());
        PlatformSecretsException twice = catchThrowableOfType(PlatformSecretsException.class, () -> files.createAll(List.of(
                dev.platformsecrets.secret.Secret.opaque("x", Map.of("k", SensitiveValue.ofUtf8(PLANTED.get("set")))),
                dev.platformsecrets.secret.Secret.opaque("x", Map.of("k", SensitiveValue.ofUtf8(PLANTED.get("raw")))))));
        scan("createAll twice", describe(twice), Set.of());
        // a stored file damaged so that it is refused on read: a bad key beside a planted value
        Path frozen = store.resolve("frozen");
        Files.writeString(frozen, Files.readString(frozen).replace("\"password\" :", "\"pass/word\" :"));
        Run listed = cli("list", "secret", "--store", store.toString());
        scan("list damaged [stdout]", listed.stdout(), Set.of());
        Run inspected = cli("inspect", "secret", "frozen", "--store", store.toString());
        assertThat(inspected.exit()).isEqualTo(Cli.PROBLEMS);
        scan("inspect damaged [stdout]", inspected.stdout(), Set.of());
        assertNoLeaks();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Every generated value of the resolution, keyed {@code generated:<key>}. */
    private static Map<String, String> generatedValues(Resolution resolution) {
        Map<String, String> generated = new LinkedHashMap<>();
        resolution.outcomes().forEach(outcome -> {
            if (outcome.decision().source().equals("generated")) {
                outcome.value().ifPresent(value -> generated.put("generated:" + outcome.rule().key(), value.utf8()));
            }
        });
        return generated;
    }

    /** Base64 is the intended form in manifests; the plain form must not be there. */
    private static void scanPlainOnly(String where, String text, Map<String, String> planted) {
        checked++;
        planted.forEach((kind, value) -> {
            if (text.contains(value)) {
                LEAKS.add(where + ": " + kind + " value in plain text");
            }
        });
    }

    /** Message, problems, toString and the causes' messages of an exception. */
    private static String describe(Throwable error) {
        assertThat(error).as("an exception").isNotNull();
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            text.append(cause).append('\n').append(cause.getMessage()).append('\n');
        }
        if (error instanceof PlatformSecretsException problems) {
            problems.problems().forEach(problem -> text.append(problem).append('\n'));
        }
        return text.toString();
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
