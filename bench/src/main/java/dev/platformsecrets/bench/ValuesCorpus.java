package dev.platformsecrets.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Synthetic values files shaped like the data platform chart's own {@code values.yaml}: about half
 * of the lines are comments, maps nest three to five levels deep, and scalars mix quoted strings,
 * plain words, numbers, booleans, empty lists and maps. Scale 1 gives about 1,500 lines; scale N
 * repeats the component sections N times under distinct names. The platform-secret attributes
 * appear once, as a user values file would set them. Deterministic: the same scale gives the same
 * bytes.
 */
public final class ValuesCorpus {

    private static final String[] WORDS = {
        "pachd", "console", "proxy", "etcd", "loki", "postgresql", "pgbouncer", "ingress", "oidc",
        "enterprise", "worker", "storage", "service", "resources", "tls", "metrics", "image", "tag",
    };

    private ValuesCorpus() {
    }

    /** A values file of roughly {@code 1500 * scale} lines. */
    public static byte[] generate(int scale) {
        Random random = new Random(42);
        StringBuilder out = new StringBuilder(scale * 60_000);
        out.append("# Synthetic values file modelled on a data platform chart.\n");
        out.append("deployTarget: \"LOCAL\"\n\n");
        secrets(out);
        int sections = 30 * scale;
        for (int s = 0; s < sections; s++) {
            section(out, random, WORDS[s % WORDS.length] + s, 0, 3 + random.nextInt(3));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void secrets(StringBuilder out) {
        out.append("pachd:\n")
           .append("  # The enterprise license key.\n")
           .append("  enterpriseLicenseKey: \"LICENSE-0123456789\"\n")
           .append("  rootToken: \"bench-root-token-value\"\n")
           .append("  oauthClientSecretSecretName: \"my-pachd-oauth\"\n")
           .append("  enterpriseSecret: \"\"\n")
           .append("  pachAuthClusterRoleBindings:\n")
           .append("    robot:wallie:\n")
           .append("      - repoReader\n")
           .append("oidc:\n")
           .append("  mockIDP: true\n")
           .append("console:\n")
           .append("  enabled: true\n")
           .append("  config:\n")
           .append("    oauthClientSecret: \"console-secret-value\"\n")
           .append("global:\n")
           .append("  postgresql:\n")
           .append("    postgresqlPassword: \"insecure-user-password\"\n\n");
    }

    private static void section(StringBuilder out, Random random, String name, int depth, int maxDepth) {
        String indent = "  ".repeat(depth);
        out.append(indent).append("# Settings of ").append(name).append(", as the chart documents them.\n");
        out.append(indent).append(name).append(":\n");
        int fields = 4 + random.nextInt(4);
        for (int f = 0; f < fields; f++) {
            String key = WORDS[random.nextInt(WORDS.length)] + "Setting" + f;
            out.append(indent).append("  # ").append(key).append(" controls one aspect of ").append(name).append(".\n");
            if (depth + 1 < maxDepth && random.nextInt(3) == 0) {
                section(out, random, key, depth + 1, maxDepth);
                continue;
            }
            out.append(indent).append("  ").append(key).append(": ").append(scalar(random)).append('\n');
        }
    }

    private static String scalar(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> "\"" + WORDS[random.nextInt(WORDS.length)] + "-" + random.nextInt(1000) + "\"";
            case 1 -> WORDS[random.nextInt(WORDS.length)];
            case 2 -> Integer.toString(random.nextInt(65536));
            case 3 -> random.nextBoolean() ? "true" : "false";
            case 4 -> "[]";
            case 5 -> "{}";
            default -> "\"\"";
        };
    }
}
