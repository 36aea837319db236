package dev.platformsecrets.bench;

import dev.platformsecrets.resolve.Resolution;
import dev.platformsecrets.resolve.SecretResolver;
import dev.platformsecrets.resolve.ValueGenerator;
import dev.platformsecrets.rules.RuleTable;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretManifests;
import dev.platformsecrets.values.ValuesLoader;
import dev.platformsecrets.values.Values;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The whole resolve run as the CLI does it: load and merge, resolve, emit the Secret manifests. */
final class Pipeline {

    private Pipeline() {
    }

    /** Loads {@code file} over the table's defaults (Helm's merge and coalesce). */
    static Values load(ValuesLoader loader, RuleTable table, Path file) {
        return loader.load(table.defaults(), List.of(file), List.of());
    }

    /** Resolves the table against the values with a secure generator, as the CLI does. */
    static Resolution resolve(RuleTable table, Values values) {
        return SecretResolver.builder(table).generator(ValueGenerator.secure()).build().resolve(values);
    }

    /** The YAML manifests of every platform Secret that received a value. */
    static String emit(Resolution resolution) {
        List<Secret> secrets = new ArrayList<>();
        resolution.secrets().forEach((name, data) -> secrets.add(Secret.opaque(name, data)));
        return SecretManifests.yaml(secrets);
    }

    /** Load, merge, resolve and emit. */
    static String run(ValuesLoader loader, RuleTable table, Path file) {
        return emit(resolve(table, load(loader, table, file)));
    }
}
