package dev.platformsecrets.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.TestData;
import dev.platformsecrets.secret.PlatformSecrets;
import dev.platformsecrets.secret.SecretFiles;
import dev.platformsecrets.secret.SecretManifests;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.values.ListNode;
import dev.platformsecrets.values.MapNode;
import dev.platformsecrets.values.ScalarNode;
import dev.platformsecrets.values.Values;
import dev.platformsecrets.values.ValuesLoader;
import dev.platformsecrets.values.ValuesOverride;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases under {@code testdata/resolve/<case>/}: {@code values.yaml}, an optional
 * {@code case.yaml} ({@code rules}, {@code seed}, {@code rotate} list), optional existing Secrets in
 * {@code existing.yaml} (Secret manifests), and the expected {@code manifests.yaml} (made with the
 * seeded generator) plus {@code explain.json}, or the expected {@code problems.txt}. Run with {@code -Dgolden.update=true}
 * to (re)write the expected files.
 */
class ResolveGoldenCasesTest {

    private static final int EXPECTED_CASES = 30;
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<Path> cases() {
        return TestData.cases("resolve").stream();
    }

    @Test
    void findsEveryCase() {
        assertThat(cases()).hasSize(EXPECTED_CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolvesAsExpected(Path dir) throws IOException {
        MapNode settings = Files.exists(dir.resolve("case.yaml"))
                ? ValuesLoader.withDefaults().parse(dir.resolve("case.yaml")) : MapNode.empty(Origin.UNKNOWN);
        RuleTable table = RuleTable.builtIn(text(settings, "rules").orElse(RuleTable.DEFAULT_NAME));
        Values values = ValuesLoader.withDefaults().load(table.defaults(), List.of(dir.resolve("values.yaml")),
                List.<ValuesOverride>of());
        SecretResolver.Builder resolver = SecretResolver.builder(table)
                .generator(ValueGenerator.seeded(Long.parseLong(text(settings, "seed").orElse("1"))))
                .existing(existing(dir));
        settings.get("rotate").ifPresent(list -> ((ListNode) list).items()
                .forEach(item -> resolver.rotate(((ScalarNode) item).text())));

        Resolution resolution;
        try {
            resolution = resolver.build().resolve(values);
        } catch (PlatformSecretsException.Invalid invalid) {
            String rendered = invalid.problems().stream().map(Problem::render)
                    .map(line -> line.replace(dir.toString() + "/", ""))
                    .collect(Collectors.joining("\n", "", "\n"));
            check(dir.resolve("problems.txt"), rendered);
            return;
        }
        assertThat(dir.resolve("problems.txt")).as("the case expects problems").doesNotExist();
        check(dir.resolve("manifests.yaml"), SecretManifests.yaml(PlatformSecrets.from(resolution, "", Map.of())));
        check(dir.resolve("explain.json"), ResolutionReport.json(resolution).replace(dir.toString() + "/", ""));
    }

    private static void check(Path expectedFile, String actual) throws IOException {
        if (UPDATE) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    }

    private static Optional<String> text(MapNode settings, String key) {
        return settings.get(key).map(node -> ((ScalarNode) node).text());
    }

    private static ExistingSecrets existing(Path dir) {
        Path file = dir.resolve("existing.yaml");
        return Files.exists(file) ? SecretFiles.existing(SecretFiles.read(file)) : ExistingSecrets.none();
    }
}
