package dev.platformsecrets.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.resolve.Resolution;
import dev.platformsecrets.resolve.ResolutionReport;
import dev.platformsecrets.resolve.SecretResolver;
import dev.platformsecrets.resolve.ValueGenerator;
import dev.platformsecrets.rules.Condition;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.secret.PlatformSecrets;
import dev.platformsecrets.secret.SecretManifests;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.NullNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.ValueNode;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library as a caller outside its module sees it. This test runs on the module path, in the
 * named module {@code dev.platformsecrets.examples}: it compiles against the exported packages only,
 * and the checks below hold only because the JVM enforces the module boundary.
 */
class ExportedApiTest {

    private static final Module LIBRARY = PlatformSecretsException.class.getModule();
    private static final Set<String> EXPORTED = Set.of("dev.platformsecrets", "dev.platformsecrets.values",
            "dev.platformsecrets.rules", "dev.platformsecrets.resolve", "dev.platformsecrets.secret",
            "dev.platformsecrets.store", "dev.platformsecrets.pipeline", "dev.platformsecrets.install");

    @Test
    @DisplayName("this test and the library are named modules; exactly the API packages are exported, none opened")
    void theModuleBoundaryIsReal() {
        assertThat(ExportedApiTest.class.getModule().getName()).isEqualTo("dev.platformsecrets.examples");
        assertThat(LIBRARY.getName()).isEqualTo("dev.platformsecrets");
        ModuleDescriptor descriptor = LIBRARY.getDescriptor();
        assertThat(descriptor.exports()).allSatisfy(export -> assertThat(export.isQualified()).isFalse())
                .extracting(ModuleDescriptor.Exports::source).containsExactlyInAnyOrderElementsOf(EXPORTED);
        assertThat(descriptor.opens()).isEmpty();
        assertThat(LIBRARY.getPackages()).contains("dev.platformsecrets.internal.values", "dev.platformsecrets.internal.yaml")
                .allSatisfy(pkg -> assertThat(LIBRARY.isExported(pkg, ExportedApiTest.class.getModule()))
                        .as(pkg).isEqualTo(EXPORTED.contains(pkg)));
    }

    @Test
    @DisplayName("internal classes load but cannot be called, and the helpers that are not API are not public")
    void internalsAreOutOfReach() throws Exception {
        Class<?> bridge = Class.forName("dev.platformsecrets.internal.values.ValueNodes");
        Method nullAt = bridge.getMethod("nullAt", dev.platformsecrets.Origin.class);
        assertThatThrownBy(() -> nullAt.invoke(null, dev.platformsecrets.Origin.UNKNOWN))
                .isInstanceOf(IllegalAccessException.class);
        assertThatThrownBy(() -> nullAt.setAccessible(true)).isInstanceOf(InaccessibleObjectException.class);

        for (String helper : List.of("dev.platformsecrets.secret.GoBase64", "dev.platformsecrets.pipeline.WorkerVolumes")) {
            assertThat(Modifier.isPublic(Class.forName(helper).getModifiers())).as(helper).isFalse();
        }
        for (String moved : List.of("dev.platformsecrets.secret.KubernetesNames", "dev.platformsecrets.store.Age")) {
            assertThatThrownBy(() -> Class.forName(moved)).as(moved).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    @DisplayName("value nodes cannot be forged: the node types are sealed over classes that are not public")
    void valueNodesCannotBeForged() {
        for (Class<?> type : List.of(ValueNode.class, MapNode.class, ListNode.class, ScalarNode.class, NullNode.class)) {
            assertThat(type.isSealed()).as(type.getName()).isTrue();
        }
        for (Class<?> type : List.of(MapNode.class, ListNode.class, ScalarNode.class, NullNode.class)) {
            assertThat(type.getPermittedSubclasses()).as(type.getName()).hasSize(1)
                    .allSatisfy(implementation -> assertThat(Modifier.isPublic(implementation.getModifiers())).isFalse());
        }
        MapNode root = ValuesLoader.withDefaults().parse("pachd:\n  rootToken: \"x\"\n", "values.yaml");
        assertThat(root.get("pachd")).containsInstanceOf(MapNode.class);
        assertThatThrownBy(() -> root.getClass().getDeclaredConstructors()[0].setAccessible(true))
                .isInstanceOf(InaccessibleObjectException.class);
    }

    @Test
    @DisplayName("parsing a path or a condition fails with the library's exception, one problem naming what is wrong")
    void parseErrorsAreTheLibrarysException() {
        assertThatThrownBy(() -> KeyPath.parse("a..b")).isInstanceOfSatisfying(PlatformSecretsException.Invalid.class,
                invalid -> assertThat(invalid.problem()).isEqualTo("empty key in path"));
        assertThatThrownBy(() -> Condition.parse("a &&")).isInstanceOfSatisfying(PlatformSecretsException.Invalid.class,
                invalid -> assertThat(invalid.problem()).isEqualTo("column 5: expected a values path at the end"));
    }

    @Test
    @DisplayName("a resolve run's failure lists all problems at once, and they survive serialisation")
    void failuresListEveryProblem(@TempDir Path temp) throws Exception {
        Path values = Files.writeString(temp.resolve("values.yaml"),
                "pachd:\n  rootToken: 12345\n  enterpriseLicenseKey: [x]\n");
        RuleTable table = RuleTable.builtIn("pachyderm-2.10");
        PlatformSecretsException.Invalid invalid = org.assertj.core.api.Assertions.catchThrowableOfType(
                PlatformSecretsException.Invalid.class,
                () -> SecretResolver.builder(table).build()
                        .resolve(ValuesLoader.withDefaults().load(table.defaults(), List.of(values), List.of())));
        assertThat(invalid.problems()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(problem -> assertThat(problem.origin().source()).isEqualTo(values.toString()));
        assertThat(invalid.getMessage()).doesNotContain("12345");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(invalid);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(((PlatformSecretsException) in.readObject()).problems()).isEqualTo(invalid.problems());
        }
    }

    @Test
    @DisplayName("the main flow through the API alone: values, table, resolve, Secrets; a raw value reaches the manifests only")
    void mainFlow(@TempDir Path temp) throws IOException {
        String planted = "planted-root-token-7f3a";
        Path values = Files.writeString(temp.resolve("values.yaml"), "pachd:\n  enterpriseLicenseKey: \"license-text\"\n  rootToken: \"" + planted + "\"\n");
        RuleTable table = RuleTable.builtIn("pachyderm-2.10");
        Values loaded = ValuesLoader.withDefaults().load(table.defaults(), List.of(values), List.of());
        Resolution resolution = SecretResolver.builder(table).generator(ValueGenerator.seeded(1)).build().resolve(loaded);
        String manifests = SecretManifests.yaml(PlatformSecrets.from(resolution, "pachyderm", Map.of()));

        String encoded = java.util.Base64.getEncoder().encodeToString(planted.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(manifests).contains("kind: \"Secret\"").contains(encoded).doesNotContain(planted);
        assertThat(ResolutionReport.table(resolution) + ResolutionReport.json(resolution) + resolution
                + resolution.warnings().stream().map(Problem::render).collect(Collectors.joining()))
                .doesNotContain(planted).doesNotContain(encoded);

        Resolution again = SecretResolver.builder(table).generator(ValueGenerator.seeded(1)).build().resolve(loaded);
        assertThat(SecretManifests.yaml(PlatformSecrets.from(again, "pachyderm", Map.of()))).isEqualTo(manifests);
    }
}
