package dev.platformsecrets.store;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import dev.platformsecrets.internal.kubernetes.KubernetesNames;
import dev.platformsecrets.secret.Secret;
import dev.platformsecrets.secret.SecretValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The checks every store makes before it writes a batch, each reporting all problems of all
 * Secrets together; problems name a Secret by its position in the batch ({@code [i].metadata.name}).
 */
final class StoreBatches {

    private StoreBatches() {
    }

    /**
     * The API server's checks, every problem of every Secret together; the name is checked here
     * too, because a store may make it a file name.
     */
    static void requireValid(List<Secret> secrets) {
        List<Problem> problems = new ArrayList<>();
        for (Secret secret : secrets) {
            List<Problem> found = SecretValidator.validate(secret);
            problems.addAll(found);
            List<String> nameErrors = KubernetesNames.dnsSubdomain(secret.name());
            if (!nameErrors.isEmpty() && found.stream().noneMatch(Problem::isError)) {
                problems.add(Problem.error(UpdateRules.origin(secret.name()), KeyPath.of("metadata", "name"),
                        "Invalid value: \"" + secret.name() + "\": " + String.join(", ", nameErrors)));
            }
        }
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new PlatformSecretsException.Invalid(problems);
        }
    }

    /** Refuses names that are taken or given twice, naming each. */
    static void requireFree(List<Secret> secrets, Predicate<String> taken) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Secret> seen = new HashMap<>();
        for (int i = 0; i < secrets.size(); i++) {
            Secret secret = secrets.get(i);
            Optional<Problem> twice = givenTwice(seen, secret, i);
            if (twice.isPresent()) {
                problems.add(twice.get());
            } else if (taken.test(secret.name())) {
                problems.add(Problem.error(UpdateRules.origin(secret.name()), nameAt(i),
                        "secret \"" + secret.name() + "\" already exists"));
            }
        }
        if (!problems.isEmpty()) {
            throw new PlatformSecretsException.AlreadyExists(problems);
        }
    }

    /** Refuses a name given twice and every change the update rules refuse against the stored Secret. */
    static void requireUpdatable(List<Secret> secrets, Function<String, Optional<StoredSecret>> stored) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Secret> seen = new HashMap<>();
        for (int i = 0; i < secrets.size(); i++) {
            Secret secret = secrets.get(i);
            Optional<Problem> twice = givenTwice(seen, secret, i);
            if (twice.isPresent()) {
                problems.add(twice.get());
            } else {
                stored.apply(secret.name()).ifPresent(old -> problems.addAll(UpdateRules.check(old.secret(), secret)));
            }
        }
        if (!problems.isEmpty()) {
            throw new PlatformSecretsException.Conflict(problems);
        }
    }

    /**
     * A Secret whose name an earlier one of the batch has: a store keeps one Secret per name (the
     * file store whatever the namespace; DESIGN.md section 6).
     */
    static Optional<Problem> givenTwice(Map<String, Secret> seen, Secret secret, int index) {
        Secret earlier = seen.putIfAbsent(secret.name(), secret);
        if (earlier == null) {
            return Optional.empty();
        }
        String where = earlier.namespace().equals(secret.namespace())
                ? "both " + where(secret.namespace())
                : "first " + where(earlier.namespace()) + ", then " + where(secret.namespace());
        return Optional.of(Problem.error(UpdateRules.origin(secret.name()), nameAt(index), "Duplicate value: \""
                + secret.name() + "\": given twice (" + where + "); the store keeps one Secret per name, whatever"
                + " its namespace"));
    }

    private static String where(String namespace) {
        return namespace.isEmpty() ? "without a namespace" : "in namespace \"" + namespace + "\"";
    }

    /** The path of the name of a batch's {@code index}-th Secret. */
    static KeyPath nameAt(int index) {
        return KeyPath.root().index(index).key("metadata").key("name");
    }

}
