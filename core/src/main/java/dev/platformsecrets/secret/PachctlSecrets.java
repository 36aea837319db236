package dev.platformsecrets.secret;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.PlatformSecretsException;
import dev.platformsecrets.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secrets shaped as {@code pachctl create secret} stores them: pachd adds (or overwrites) the labels
 * {@code suite=pachyderm} and {@code secret-source=pachyderm-user}, keeps every other label, and
 * refuses a {@code suite} label of another value. {@code pachctl list secret} shows only Secrets
 * with that {@code secret-source}.
 */
public final class PachctlSecrets {

    /** The label pachd checks and sets. */
    public static final String SUITE_LABEL = "suite";
    /** The label {@code pachctl list secret} selects on. */
    public static final String SOURCE_LABEL = "secret-source";
    /** The labels pachd sets on every Secret created through pachctl. */
    public static final Map<String, String> LABELS = Map.of(SUITE_LABEL, "pachyderm", SOURCE_LABEL, "pachyderm-user");

    private PachctlSecrets() {
    }

    /**
     * Each Secret with pachd's labels added; all or nothing: every Secret whose {@code suite} label
     * is not {@code pachyderm} is reported (in pachd's words, path {@code [i].metadata.labels.suite}).
     */
    public static List<Secret> asUserSecrets(List<Secret> secrets) {
        List<Secret> labelled = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            Secret secret = secrets.get(i);
            String suite = secret.labels().get(SUITE_LABEL);
            if (suite != null && !suite.equals(LABELS.get(SUITE_LABEL))) {
                problems.add(Problem.error(Origin.of("Secret \"" + secret.name() + "\""),
                        KeyPath.root().index(i).key("metadata").key("labels").key(SUITE_LABEL),
                        "invalid suite label set on secret: suite=" + suite));
            }
            Map<String, String> labels = new TreeMap<>(secret.labels());
            labels.putAll(LABELS);
            labelled.add(secret.withLabels(labels));
        }
        if (!problems.isEmpty()) {
            throw new PlatformSecretsException.Invalid(problems);
        }
        return List.copyOf(labelled);
    }
}
