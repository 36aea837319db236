package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.Problem;
import dev.platformsecrets.SensitiveValue;
import dev.platformsecrets.secret.PachctlSecrets;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretFile;
import dev.platformsecrets.secret.SecretFiles;
import dev.platformsecrets.secret.SecretType;
import dev.platformsecrets.store.FileSecretStore;
import dev.platformsecrets.store.StoreEncryption;
import dev.platformsecrets.store.StoredSecret;
import dev.platformsecrets.store.StoredSecretWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandsTest {

    private static final String PLANTED = "PLANTED-cli-value-3b9f";
    private static final int KUBECTL_FIXTURES = 11;

    @TempDir
    Path temp;

    private Path store() {
        return temp.resolve("store");
    }

    private FileSecretStore storeCreatedAgo(Duration age) {
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(age);
        return new FileSecretStore(store(), Clock.fixed(created, ZoneOffset.UTC), StoreEncryption.none());
    }

    private static Secret secret(String name, SecretType type, Map<String, String> values) {
        TreeMap<String, SensitiveValue> data = new TreeMap<>();
        values.forEach((k, v) -> data.put(k, SensitiveValue.ofUtf8(v)));
        return new Secret(name, "", type, data, new TreeMap<>(), new TreeMap<>(), false);
    }

    private static List<Path> kubectlFixtures() throws IOException {
        Path dir = Path.of(System.getProperty("platformsecrets.testdata", "../testdata")).resolve("secrets/kubectl");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyKubectlFixtureIsCreatedListedInspectedAndDeleted() throws IOException {
        List<Path> fixtures = kubectlFixtures();
        assertThat(fixtures).hasSize(KUBECTL_FIXTURES);
        for (Path fixture : fixtures) {
            SecretFile file = SecretFiles.load(fixture);
            Secret expected = file.secrets().get(0);
            String name = expected.name();
            String storeDir = store().toString();

            CliCapture.Result create = CliCapture.run("create", "secret", "-f", fixture.toString(), "--store", storeDir);
            assertThat(create.exit()).as(fixture.toString()).isZero();
            assertThat(create.out()).isEqualTo("secret/" + name + " created\n");
            assertThat(create.err().lines()).containsExactlyElementsOf(file.warnings().stream().map(Problem::render).toList());

            CliCapture.Result list = CliCapture.run("list", "secrets", "--store", storeDir);
            assertThat(list.exit()).isZero();
            assertThat(list.out().lines().skip(1).toList()).singleElement().asString()
                    .matches(name + " +" + expected.type().value().replace(".", "\\.") + " +(Less than a second|\\d+ seconds?) ago +");

            CliCapture.Result inspect = CliCapture.run("inspect", "secret", name, "--store", storeDir);
            assertThat(inspect.exit()).isZero();
            List<String> sizes = new ArrayList<>();
            expected.data().forEach((k, v) -> sizes.add("  " + k + ": " + v.size() + (v.size() == 1 ? " byte" : " bytes")));
            assertThat(inspect.out()).contains("Name:        " + name + "\n", "Type:        " + expected.type().value() + "\n");
            assertThat(inspect.out().lines().dropWhile(l -> !l.equals("Data:")).skip(1).toList())
                    .containsExactlyElementsOf(sizes.isEmpty() ? List.of("  <none>") : sizes);
            assertThat(new FileSecretStore(store()).get(name).orElseThrow().secret())
                    .as("the file's Secret with pachctl's labels").isEqualTo(PachctlSecrets.asUserSecrets(List.of(expected)).get(0));

            CliCapture.Result delete = CliCapture.run("delete", "secret", name, "--store", storeDir);
            assertThat(delete.exit()).isZero();
            assertThat(delete.out()).isEqualTo("secret \"" + name + "\" deleted\n");
            assertThat(CliCapture.run("list", "secret", "--store", storeDir).out()).isEqualTo("NAME TYPE CREATED \n");
        }
    }

    @Test
    void listPrintsPachctlColumnsWithAges() {
        storeCreatedAgo(Duration.ofHours(3).plusSeconds(5)).create(secret("a", SecretType.OPAQUE, Map.of("k", "v")));
        storeCreatedAgo(Duration.ofDays(2).plusHours(1)).create(secret("registry-cred", SecretType.DOCKER_CONFIG_JSON,
                Map.of(".dockerconfigjson", "{\"auths\":{}}")));

        CliCapture.Result result = CliCapture.run("list", "secret", "--store", store().toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo(
                  "NAME          TYPE                           CREATED     \n"
                + "a             Opaque                         3 hours ago \n"
                + "registry-cred kubernetes.io/dockerconfigjson 2 days ago  \n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void theHeaderIsRepeatedEveryFiftyLinesWithEachBlockSizedOnItsOwn() {
        List<StoredSecret> secrets = new ArrayList<>();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 120; i++) {
            secrets.add(new StoredSecret(secret(i < 49 ? "s" + i : "longer-name-" + i, SecretType.OPAQUE, Map.of()),
                    now.minusSeconds(30)));
        }
        List<String> lines = StoredSecretWriter.table(secrets, now).lines().toList();

        assertThat(lines).hasSize(123);
        assertThat(lines.get(0)).isEqualTo("NAME TYPE   CREATED        ");
        assertThat(lines.get(1)).isEqualTo("s0   Opaque 30 seconds ago ");
        assertThat(lines.get(50)).isEqualTo("NAME           TYPE   CREATED        ");
        assertThat(lines.get(51)).isEqualTo("longer-name-49 Opaque 30 seconds ago ");
        assertThat(lines.get(100)).isEqualTo("NAME            TYPE   CREATED        ");
        assertThat(lines.get(122)).isEqualTo("longer-name-119 Opaque 30 seconds ago ");
        assertThat(lines.stream().filter(l -> l.startsWith("NAME"))).hasSize(3);
    }

    @Test
    void jsonOutputsAreDeterministic() {
        Instant created = Instant.parse("2026-02-03T04:05:06Z");
        new FileSecretStore(store(), Clock.fixed(created, ZoneOffset.UTC), StoreEncryption.none())
                .create(new Secret("db", "platform", SecretType.BASIC_AUTH,
                        new TreeMap<>(Map.of("username", SensitiveValue.ofUtf8("admin"), "password", SensitiveValue.ofUtf8(PLANTED))),
                        new TreeMap<>(Map.of("app", "pg")), new TreeMap<>(), true));

        CliCapture.Result list = CliCapture.run("list", "secret", "-o", "json", "--store", store().toString());
        assertThat(list.out()).isEqualTo("[ {\n  \"name\" : \"db\",\n  \"type\" : \"kubernetes.io/basic-auth\",\n"
                + "  \"created\" : \"2026-02-03T04:05:06Z\"\n} ]\n");

        CliCapture.Result inspect = CliCapture.run("inspect", "secret", "db", "-o", "json", "--store", store().toString());
        assertThat(inspect.out()).isEqualTo(String.join("\n",
                "{",
                "  \"name\" : \"db\",",
                "  \"namespace\" : \"platform\",",
                "  \"type\" : \"kubernetes.io/basic-auth\",",
                "  \"created\" : \"2026-02-03T04:05:06Z\",",
                "  \"immutable\" : true,",
                "  \"labels\" : {",
                "    \"app\" : \"pg\"",
                "  },",
                "  \"annotations\" : { },",
                "  \"data\" : {",
                "    \"password\" : {",
                "      \"size\" : 22",
                "    },",
                "    \"username\" : {",
                "      \"size\" : 5",
                "    }",
                "  }",
                "}",
                ""));
        CliCapture.Result shown = CliCapture.run("inspect", "secret", "db", "-o", "json", "--show-values", "--store", store().toString());
        assertThat(shown.out()).contains("\"value\" : \""
                + Base64.getEncoder().encodeToString(PLANTED.getBytes(StandardCharsets.UTF_8)) + "\"");
    }

    @Test
    void aPlantedValueAppearsOnlyWithShowValues() throws IOException {
        storeCreatedAgo(Duration.ofMinutes(5)).create(secret("foo", SecretType.OPAQUE, Map.of("password", PLANTED)));
        String dir = store().toString();
        List<CliCapture.Result> quiet = List.of(
                CliCapture.run("list", "secret", "--store", dir),
                CliCapture.run("list", "secret", "-o", "json", "--store", dir),
                CliCapture.run("inspect", "secret", "foo", "--store", dir),
                CliCapture.run("inspect", "secret", "foo", "-o", "json", "--store", dir),
                CliCapture.run("create", "secret", "-f", writeSecretFile("foo").toString(), "--store", dir),
                CliCapture.run("inspect", "secret", "foo", "--store", dir, "--show-values", "-o", "yaml"));
        for (CliCapture.Result result : quiet) {
            assertThat(result.out()).doesNotContain(PLANTED).doesNotContain(base64(PLANTED));
            assertThat(result.err()).doesNotContain(PLANTED).doesNotContain(base64(PLANTED));
        }
        assertThat(quiet.get(4).exit()).isEqualTo(1);
        assertThat(quiet.get(4).err()).endsWith("foo.json:1:55: metadata.name: secret \"foo\" already exists\n");
        assertThat(quiet.get(5).exit()).isEqualTo(2);

        CliCapture.Result shown = CliCapture.run("inspect", "secret", "foo", "--show-values", "--store", dir);
        assertThat(shown.out()).contains("  password: 22 bytes: " + PLANTED + "\n");
        assertThat(shown.err()).isEmpty();
    }

    private Path writeSecretFile(String name) throws IOException {
        return Files.writeString(temp.resolve(name + ".json"), "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\""
                + name + "\"},\"data\":{\"password\":\"" + base64(PLANTED) + "\"}}");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aListIsCreatedWholeOrNotAtAllAndEveryTakenNameIsLocatedInTheFile() throws IOException {
        String dir = store().toString();
        Path first = Files.writeString(temp.resolve("first.json"), """
                {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "b"}}
                """);
        Path list = Files.writeString(temp.resolve("list.json"), """
                {"apiVersion": "v1", "kind": "List", "items": [
                  {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "a", "namespace": "ns1"}},
                  {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "b"}},
                  {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "c"}},
                  {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "a", "namespace": "ns2"}}
                ]}
                """);
        assertThat(CliCapture.run("create", "secret", "-f", first.toString(), "--store", dir).exit()).isZero();

        CliCapture.Result create = CliCapture.run("create", "secret", "-f", list.toString(), "--store", dir);

        assertThat(create.exit()).isEqualTo(1);
        assertThat(create.out()).isEmpty();
        assertThat(create.err()).isEqualTo(list + ":3:63: items[1].metadata.name: secret \"b\" already exists\n"
                + list + ":5:63: items[3].metadata.name: Duplicate value: \"a\": given twice (first in namespace \"ns1\","
                + " then in namespace \"ns2\"); the store keeps one Secret per name, whatever its namespace\n");
        assertThat(CliCapture.run("list", "secret", "--store", dir, "-o", "json").out()).doesNotContain("\"a\"", "\"c\"");
    }

    @Test
    void missingSecretsExitOneWithTheApiServersWording() {
        String dir = store().toString();
        for (String[] args : List.of(new String[] {"inspect", "secret", "foo"}, new String[] {"delete", "secret", "foo"})) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--store", dir));
            CliCapture.Result result = CliCapture.run(all.toArray(String[]::new));
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.out()).isEmpty();
            assertThat(result.err()).isEqualTo("secret \"foo\" not found\n");
        }
    }

    @Test
    void aDamagedFileIsAWarningAndTheRestIsListed() throws IOException {
        storeCreatedAgo(Duration.ofMinutes(5)).create(secret("good", SecretType.OPAQUE, Map.of("k", "v")));
        storeCreatedAgo(Duration.ofMinutes(5)).create(secret("torn", SecretType.OPAQUE, Map.of("k", PLANTED)));
        Path torn = store().resolve("torn");
        Files.writeString(torn, Files.readString(torn).substring(0, 60));

        CliCapture.Result result = CliCapture.run("list", "secret", "--store", store().toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("NAME TYPE   CREATED       \ngood Opaque 5 minutes ago \n");
        assertThat(result.err()).startsWith(torn + ":").contains("warning: not a readable store file").doesNotContain(PLANTED);
    }

    @Test
    void rewrapThroughTheCliAndAMissingKeyNamed() throws IOException {
        String key1 = newKey();
        String key2 = newKey();
        Path old = keyFile("old.yaml", "key1", key1);
        Path rotated = keyFile("rotated.yaml", "key2", key2, "key1", key1);
        Path onlyNew = keyFile("new.yaml", "key2", key2);
        new FileSecretStore(store(), Clock.systemUTC(), StoreEncryption.load(old))
                .create(secret("foo", SecretType.OPAQUE, Map.of("k", PLANTED)));
        String dir = store().toString();

        CliCapture.Result missing = CliCapture.run("inspect", "secret", "foo", "--store", dir, "--encryption-config", onlyNew.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("encrypted with key \"key1\", which the encryption config does not list")
                .doesNotContain(PLANTED).doesNotContain(key1);

        CliCapture.Result rewrap = CliCapture.run("store", "rewrap", "--store", dir, "--encryption-config", rotated.toString());
        assertThat(rewrap.exit()).isZero();
        assertThat(rewrap.out()).isEqualTo("1 secret rewritten in " + dir + ", encrypted with key \"key2\"\n");

        CliCapture.Result shown = CliCapture.run("inspect", "secret", "foo", "--show-values", "--store", dir,
                "--encryption-config", onlyNew.toString());
        assertThat(shown.exit()).isZero();
        assertThat(shown.out()).contains("  k: 22 bytes: " + PLANTED);
        assertThat(Files.readString(store().resolve("foo"))).doesNotContain(PLANTED).contains("enc:aesgcm:v1:key2:");

        Files.setPosixFilePermissions(onlyNew, PosixFilePermissions.fromString("rw-r--r--"));
        CliCapture.Result loose = CliCapture.run("list", "secret", "--store", dir, "--encryption-config", onlyNew.toString());
        assertThat(loose.exit()).isEqualTo(1);
        assertThat(loose.err()).contains("must be readable by its owner only").doesNotContain(key2);
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private Path keyFile(String name, String... namesAndKeys) throws IOException {
        StringBuilder yaml = new StringBuilder("keys:\n");
        for (int i = 0; i < namesAndKeys.length; i += 2) {
            yaml.append("  - name: ").append(namesAndKeys[i]).append("\n    secret: ").append(namesAndKeys[i + 1]).append('\n');
        }
        Path file = temp.resolve(name);
        Files.writeString(file, yaml);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
