package dev.platformsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The install flow against the real Pachyderm 2.10.7 chart rendered by real Helm, one mode of the
 * chart per folder under {@code testdata/chart-flow/}: {@code values.yaml}, optional
 * {@code user-existing.yaml} (Secrets the user already has, named by NAME attributes) and an
 * optional {@code case.yaml} ({@code error}: the message fragment {@code resolve} must fail with;
 * {@code stays}: values paths that must stay plaintext, each named in a warning; {@code rotate}: a
 * key whose rotation must change exactly that key).
 *
 * <p>For every other mode: {@code resolve --overlay} once (with {@code --store --save}), then
 * {@code helm template -f values -f overlay} with and without {@code --is-upgrade}, and
 * {@code helm template -f values} against {@code resolve} without the overlay; it asserts the
 * issue's checks 1-5: no planted or emitted value in the render in any form, every
 * {@code secretKeyRef} and secret volume of every workload resolvable with {@code key:}, one
 * database password and one console OAuth secret across their readers, byte-identical reruns with
 * the store and with the earlier Secrets as {@code --existing} (overlay values fed back), rotation
 * of exactly one key, and the same checks without the overlay. Three renders per mode, run
 * together.
 *
 * <p>Needs {@code HELM} (a Helm v4 binary) and {@code PACHYDERM_CHART} (the chart directory);
 * skipped with a note when they are not set.
 */
class ChartFlowEndToEndTest {

    private static final int EXPECTED_CASES = 23;
    private static final String OVERLAY = "plat";
    /** Values that are public defaults of the chart, not secrets: they may appear anywhere. */
    private static final Set<String> PUBLIC = Set.of("insecure-user-password", "insecure-root-password", "console");
    private static final List<Set<String>> SHARED_VALUES = List.of(
            Set.of("pachd/POSTGRES_PASSWORD", "pachw/POSTGRES_PASSWORD", "pg-bouncer/POSTGRESQL_PASSWORD",
                    "pach-enterprise/POSTGRES_PASSWORD", "postgres/POSTGRES_PASSWORD", "pachyderm-preflight-check/POSTGRES_PASSWORD"),
            Set.of("console/OAUTH_CLIENT_SECRET", "pachd/CONSOLE_OAUTH_SECRET", "pach-enterprise/CONSOLE_OAUTH_SECRET"));

    @TempDir
    Path work;

    static Stream<Path> cases() throws IOException {
        Path root = Path.of(System.getProperty("platformsecrets.testdata", "../testdata")).resolve("chart-flow")
                .toAbsolutePath().normalize();
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @Test
    void findsEveryCase() throws IOException {
        assertThat(cases()).hasSize(EXPECTED_CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFlowHoldsWithTheRealChart(Path dir) throws Exception {
        String helm = System.getenv("HELM");
        String chart = System.getenv("PACHYDERM_CHART");
        assumeTrue(helm != null && !helm.isBlank() && chart != null && !chart.isBlank(),
                "HELM and PACHYDERM_CHART are not set: the end-to-end suite that renders the real chart is skipped");
        Map<String, Object> settings = Files.exists(dir.resolve("case.yaml")) ? map(load(dir.resolve("case.yaml")).get(0))
                : Map.of();
        Path values = dir.resolve("values.yaml");
        Path userExisting = dir.resolve("user-existing.yaml");
        List<String> existingArgs = Files.exists(userExisting) ? List.of("--existing", userExisting.toString()) : List.of();
        Path store = work.resolve("store");
        Path overlay1 = work.resolve("overlay1.yaml");

        CliCapture.Result first = resolve(values, List.of(), existingArgs, "--store", store.toString(), "--save",
                "--overlay", OVERLAY, "--overlay-values", overlay1.toString());
        if (settings.containsKey("error")) {
            assertThat(first.exit()).as(first.err()).isEqualTo(1);
            assertThat(first.out()).isEmpty();
            assertThat(first.err()).contains((String) settings.get("error"));
            return;
        }
        assertThat(first.exit()).as(first.err()).isZero();
        Path secrets1 = write("secrets1.yaml", first.out());
        String overlayValues = Files.readString(overlay1);

        // 4. Stable: with the store, and with the earlier Secrets as --existing, overlay values fed back.
        Path overlay2 = work.resolve("overlay2.yaml");
        CliCapture.Result fromStore = resolve(values, List.of(overlay1), existingArgs, "--store", store.toString(),
                "--save", "--overlay", OVERLAY, "--overlay-values", overlay2.toString());
        assertThat(fromStore.exit()).as(fromStore.err()).isZero();
        assertThat(fromStore.out()).isEqualTo(first.out());
        assertThat(Files.readString(overlay2)).isEqualTo(overlayValues);
        Path overlay3 = work.resolve("overlay3.yaml");
        CliCapture.Result fromFiles = resolve(values, List.of(overlay1),
                concat(existingArgs, List.of("--existing", secrets1.toString())),
                "--overlay", OVERLAY, "--overlay-values", overlay3.toString());
        assertThat(fromFiles.exit()).as(fromFiles.err()).isZero();
        assertThat(fromFiles.out()).isEqualTo(first.out());
        assertThat(Files.readString(overlay3)).isEqualTo(overlayValues);
        if (settings.containsKey("rotate")) {
            assertRotatesExactly((String) settings.get("rotate"), values, overlay1, existingArgs, secrets1);
        }

        // 1 (part): plaintext that must stay is named in a warning.
        @SuppressWarnings("unchecked")
        List<String> stays = (List<String>) settings.getOrDefault("stays", List.of());
        for (String path : stays) {
            assertThat(first.err()).contains(path + ": warning: ");
        }

        // 1 (part): the values Helm keeps in its release record (-f values -f overlay) hold no planted value.
        Set<String> planted = planted(values, stays);
        CliCapture.Result merged = CliCapture.run("values", "-f", values.toString(), "-f", overlay1.toString());
        assertThat(merged.exit()).as(merged.err()).isZero();
        for (String value : planted) {
            assertThat(merged.out()).as("the values with the overlay hold a planted value").doesNotContain(value);
        }

        CliCapture.Result plain = resolve(values, List.of(), existingArgs);
        assertThat(plain.exit()).as(plain.err()).isZero();
        Path plainSecrets = write("plain.yaml", plain.out());

        List<String> common = List.of(helm, "template", "pach", chart, "--set", "deployTarget=LOCAL", "-f", values.toString());
        Process install = render(concat(common, List.of("-f", overlay1.toString())), "install.yaml");
        Process upgrade = render(concat(common, List.of("-f", overlay1.toString(), "--is-upgrade")), "upgrade.yaml");
        Process alone = render(common, "alone.yaml");
        Map<String, Map<String, String>> user = Files.exists(userExisting) ? secrets(userExisting) : Map.of();
        Map<String, Map<String, String>> emitted = secrets(secrets1);
        for (Map.Entry<String, Process> run : Map.of("install.yaml", install, "upgrade.yaml", upgrade).entrySet()) {
            List<Map<String, Object>> docs = finish(run.getValue(), run.getKey());
            Map<String, Map<String, String>> available = union(chartSecrets(docs), emitted, user);
            assertNoPlaintext(run.getKey(), docs, Files.readString(work.resolve(run.getKey())), emitted, planted);
            assertPodsStart(run.getKey(), docs, available);
            assertOneValue(run.getKey(), docs, available);
        }
        // 5. Without the overlay: resolve's Secrets stand in for the chart's of the same name.
        List<Map<String, Object>> docs = finish(alone, "alone.yaml");
        Map<String, Map<String, String>> available = union(chartSecrets(docs), secrets(plainSecrets), user);
        assertPodsStart("alone.yaml", docs, available);
        assertOneValue("alone.yaml", docs, available);
        Map<String, Map<String, String>> resolved = secrets(plainSecrets);
        for (Ref ref : refs(docs)) {
            if (resolved.containsKey(ref.name()) && !chartOnlyKey(ref.key())) {
                assertThat(resolved.get(ref.name())).as("alone.yaml: %s reads %s/%s", ref.reader(), ref.name(), ref.key())
                        .containsKey(ref.key());
            }
        }
    }

    /** Keys that only the chart writes (configuration, not secrets): auth-config. */
    private static boolean chartOnlyKey(String key) {
        return key.equals("auth-config");
    }

    private void assertRotatesExactly(String key, Path values, Path overlay, List<String> existingArgs, Path secrets1)
            throws IOException {
        Path overlay4 = work.resolve("overlay4.yaml");
        CliCapture.Result rotated = resolve(values, List.of(overlay), concat(existingArgs,
                List.of("--existing", secrets1.toString())), "--overlay", OVERLAY, "--overlay-values", overlay4.toString(),
                "--rotate", key);
        assertThat(rotated.exit()).as(rotated.err()).isZero();
        Map<String, Map<String, String>> before = secrets(secrets1);
        Map<String, Map<String, String>> after = secrets(write("rotated.yaml", rotated.out()));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        int changed = 0;
        for (String name : before.keySet()) {
            assertThat(after.get(name).keySet()).isEqualTo(before.get(name).keySet());
            for (String k : before.get(name).keySet()) {
                boolean differs = !before.get(name).get(k).equals(after.get(name).get(k));
                assertThat(differs).as("%s/%s changed", name, k).isEqualTo(k.equals(key));
                changed += differs ? 1 : 0;
            }
        }
        assertThat(changed).as("keys changed by --rotate " + key).isEqualTo(1);
    }

    /** 1. No planted RAW value and no emitted value in the render: as text, base64, or inside a Secret's data. */
    private static void assertNoPlaintext(String render, List<Map<String, Object>> docs, String text,
            Map<String, Map<String, String>> emitted, Set<String> planted) {
        List<String> forbidden = new ArrayList<>(planted);
        emitted.values().forEach(data -> data.values().stream().filter(value -> !PUBLIC.contains(value))
                .forEach(forbidden::add));
        StringBuilder decoded = new StringBuilder(text);
        chartSecrets(docs).values().forEach(data -> data.values().forEach(value -> decoded.append('\n').append(value)));
        for (String value : forbidden) {
            String base64 = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
            assertThat(decoded.toString()).as("%s holds a secret value in plaintext", render).doesNotContain(value);
            assertThat(text).as("%s holds a secret value in base64", render).doesNotContain(base64);
        }
    }

    /** 2. Every secretKeyRef and secret volume of every workload points at a Secret and key that exist, with key:. */
    private static void assertPodsStart(String render, List<Map<String, Object>> docs,
            Map<String, Map<String, String>> available) {
        for (Ref ref : refs(docs)) {
            assertThat(ref.key()).as("%s: %s reads Secret %s without key:", render, ref.reader(), ref.name()).isNotNull();
            assertThat(available).as("%s: %s reads Secret '%s'", render, ref.reader(), ref.name()).containsKey(ref.name());
            if (!ref.key().isEmpty()) {
                assertThat(available.get(ref.name())).as("%s: %s reads %s/%s", render, ref.reader(), ref.name(), ref.key())
                        .containsKey(ref.key());
            }
        }
    }

    /** 3. One value per secret: the database password and the console OAuth secret are the same for all readers. */
    private static void assertOneValue(String render, List<Map<String, Object>> docs,
            Map<String, Map<String, String>> available) {
        Map<String, String> byReader = new HashMap<>();
        for (Ref ref : refs(docs)) {
            if (ref.env() != null && ref.key() != null) {
                Optional.ofNullable(available.get(ref.name())).map(data -> data.get(ref.key()))
                        .ifPresent(value -> byReader.put(ref.workload() + "/" + ref.env(), value));
            }
        }
        for (Set<String> group : SHARED_VALUES) {
            Set<String> distinct = new TreeSet<>();
            group.stream().filter(byReader::containsKey).forEach(reader -> distinct.add(byReader.get(reader)));
            assertThat(distinct).as("%s: one value for %s", render, group).hasSizeLessThanOrEqualTo(1);
        }
    }

    /** A reference of a workload's pod to a Secret: an env secretKeyRef (with its variable) or a secret volume. */
    private record Ref(String workload, String env, String name, String key) {
        String reader() {
            return workload + (env == null ? " (volume)" : " " + env);
        }
    }

    private static List<Ref> refs(List<Map<String, Object>> docs) {
        List<Ref> out = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            Object kind = doc.get("kind");
            if (!"Deployment".equals(kind) && !"StatefulSet".equals(kind) && !"Job".equals(kind)) {
                continue;
            }
            String workload = (String) map(doc.get("metadata")).get("name");
            Map<String, Object> pod = map(map(map(doc.get("spec")).get("template")).get("spec"));
            for (String containers : List.of("containers", "initContainers")) {
                for (Object container : list(pod.get(containers))) {
                    for (Object env : list(map(container).get("env"))) {
                        Map<String, Object> from = map(map(env).get("valueFrom"));
                        if (from.containsKey("secretKeyRef")) {
                            Map<String, Object> ref = map(from.get("secretKeyRef"));
                            out.add(new Ref(workload, (String) map(env).get("name"), String.valueOf(ref.get("name")),
                                    (String) ref.get("key")));
                        }
                    }
                    for (Object envFrom : list(map(container).get("envFrom"))) {
                        Map<String, Object> ref = map(map(envFrom).get("secretRef"));
                        if (!ref.isEmpty()) {
                            out.add(new Ref(workload, null, String.valueOf(ref.get("name")), ""));
                        }
                    }
                }
            }
            for (Object volume : list(pod.get("volumes"))) {
                Map<String, Object> secret = map(map(volume).get("secret"));
                if (!secret.isEmpty()) {
                    out.add(new Ref(workload, null, String.valueOf(secret.get("secretName")), ""));
                }
            }
        }
        return out;
    }

    /** The Secrets of a render: name to key to decoded value. */
    private static Map<String, Map<String, String>> chartSecrets(List<Map<String, Object>> docs) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (Map<String, Object> doc : docs) {
            if ("Secret".equals(doc.get("kind"))) {
                Map<String, String> data = new TreeMap<>();
                map(doc.get("data")).forEach((key, value) -> data.put(key, new String(
                        Base64.getDecoder().decode(String.valueOf(value == null ? "" : value)), StandardCharsets.UTF_8)));
                map(doc.get("stringData")).forEach((key, value) -> data.put(key, String.valueOf(value)));
                out.put((String) map(doc.get("metadata")).get("name"), data);
            }
        }
        return out;
    }

    @SafeVarargs
    private static Map<String, Map<String, String>> union(Map<String, Map<String, String>>... layers) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (Map<String, Map<String, String>> layer : layers) {
            layer.forEach((name, data) -> out.computeIfAbsent(name, n -> new TreeMap<>()).putAll(data));
        }
        return out;
    }

    /** The strings of the values file that a test planted as secrets ({@code plant-...}), except those that stay. */
    private static Set<String> planted(Path values, List<String> stays) throws IOException {
        Set<String> out = new TreeSet<>();
        collect(load(values).get(0), "", stays, out);
        return out;
    }

    private static void collect(Object node, String path, List<String> stays, Set<String> out) {
        if (stays.contains(path)) {
            return;
        }
        if (node instanceof Map<?, ?> m) {
            m.forEach((key, value) -> collect(value, path.isEmpty() ? String.valueOf(key) : path + "." + key, stays, out));
        } else if (node instanceof List<?> l) {
            l.forEach(item -> collect(item, path, stays, out));
        } else if (node instanceof String text && text.startsWith("plant-")) {
            out.add(text);
        }
    }

    private CliCapture.Result resolve(Path values, List<Path> moreValues, List<String> existingArgs, String... more) {
        List<String> args = new ArrayList<>(List.of("resolve", "-f", values.toString()));
        moreValues.forEach(file -> args.addAll(List.of("-f", file.toString())));
        args.addAll(existingArgs);
        args.addAll(List.of(more));
        return CliCapture.run(args.toArray(String[]::new));
    }

    private Process render(List<String> command, String outputName) throws IOException {
        return new ProcessBuilder(command).redirectOutput(work.resolve(outputName).toFile())
                .redirectError(work.resolve(outputName + ".err").toFile()).start();
    }

    private List<Map<String, Object>> finish(Process process, String outputName) throws Exception {
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("helm finished").isTrue();
        assertThat(process.exitValue()).as(outputName + ": " + Files.readString(work.resolve(outputName + ".err")))
                .isZero();
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : load(work.resolve(outputName))) {
            if (doc instanceof Map<?, ?>) {
                docs.add(map(doc));
            }
        }
        return docs;
    }

    private Path write(String name, String content) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static Map<String, Map<String, String>> secrets(Path file) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (Secret secret : SecretFiles.read(file)) {
            Map<String, String> data = new TreeMap<>();
            secret.data().forEach((key, value) -> data.put(key, value.utf8()));
            out.put(secret.name(), data);
        }
        return out;
    }

    private static List<Object> load(Path file) throws IOException {
        List<Object> out = new ArrayList<>();
        new Load(LoadSettings.builder().setCodePointLimit(64 * 1024 * 1024).build())
                .loadAllFromString(Files.readString(file)).forEach(out::add);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    private static List<?> list(Object node) {
        return node instanceof List<?> l ? l : List.of();
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> out = new ArrayList<>(first);
        out.addAll(second);
        return out;
    }
}
