package dev.platformsecrets.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Synthetic values files shaped like the data platform chart's own {@code values.yaml} (1,444
 * lines, 61 KB): about 40% of the lines are comments, maps nest up to six levels deep, and values
 * mix quoted strings, plain words, numbers with trailing comments, booleans, empty lists and maps,
 * lists of words, lists of small maps and literal block scalars. Scale N adds component sections
 * under distinct names until the file has {@code 1,450 * N} lines (scale 1: 1,461 lines, 60 KB;
 * scale 10: 0.6 MB; scale 100: 6.2 MB; scale 330: 20 MB). The platform-secret attributes appear
 * once, as a user values file would set them. Deterministic: the same scale gives the same bytes.
 */
public final class ValuesCorpus {

    private static final String[] WORDS = {
        "pachd", "console", "proxy", "etcd", "loki", "postgresql", "pgbouncer", "ingress", "oidc",
        "enterprise", "worker", "storage", "service", "resources", "tls", "metrics", "image", "tag",
    };
    private static final int LINES_PER_SCALE = 1_450;

    private ValuesCorpus() {
    }

    /** Writes the values file of the scale given as the only argument (default 1) to standard output. */
    public static void main(String[] args) throws java.io.IOException {
        System.out.write(generate(args.length == 0 ? 1 : Integer.parseInt(args[0])));
        System.out.flush();
    }

    /** A values file of roughly {@code 1450 * scale} lines. */
    public static byte[] generate(int scale) {
        Random random = new Random(7);
        StringBuilder out = new StringBuilder(scale * 64_000);
        out.append("# Synthetic values file modelled on a data platform chart.\n");
        out.append("deployTarget: \"LOCAL\"\n\n");
        secrets(out);
        long targetLines = (long) LINES_PER_SCALE * scale;
        int lines = lines(out, 0);
        for (int s = 0; lines < targetLines; s++) {
            int start = out.length();
            section(out, random, WORDS[s % WORDS.length] + s, 0, 2 + random.nextInt(4));
            lines += lines(out, start);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int lines(CharSequence text, int from) {
        int lines = 0;
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
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
           .append("  mockIDP: false\n")
           .append("  upstreamIDPs:\n")
           .append("    - id: example\n")
           .append("      name: Example OIDC\n")
           .append("      type: oidc\n")
           .append("      config:\n")
           .append("        issuer: https://idp.example.com\n")
           .append("        clientID: platform\n")
           .append("        clientSecret: \"idp-client-secret\"\n")
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
        out.append(indent).append("# Settings of ").append(name).append(", as the chart documents them;\n");
        out.append(indent).append("# see the component's own documentation for the details.\n");
        out.append(indent).append(name).append(":\n");
        int fields = 4 + random.nextInt(5);
        for (int f = 0; f < fields; f++) {
            String key = WORDS[random.nextInt(WORDS.length)] + "Setting" + f;
            out.append(indent).append("  # ").append(key).append(" controls one aspect of ").append(name).append(".\n");
            if (depth + 1 < maxDepth && random.nextInt(4) == 0) {
                section(out, random, key, depth + 1, maxDepth);
                continue;
            }
            String inner = indent + "  ";
            switch (random.nextInt(12)) {
                case 0 -> wordList(out, random, inner, key);
                case 1 -> mapList(out, random, inner, key);
                case 2 -> block(out, random, inner, key);
                default -> out.append(inner).append(key).append(": ").append(scalar(random)).append('\n');
            }
        }
    }

    private static void wordList(StringBuilder out, Random random, String indent, String key) {
        out.append(indent).append(key).append(":\n");
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            out.append(indent).append("  - ").append(WORDS[random.nextInt(WORDS.length)]).append('\n');
        }
    }

    private static void mapList(StringBuilder out, Random random, String indent, String key) {
        out.append(indent).append(key).append(":\n");
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            out.append(indent).append("  - action: replace\n");
            out.append(indent).append("    sourceLabel: __meta_").append(WORDS[random.nextInt(WORDS.length)]).append('\n');
            out.append(indent).append("    targetLabel: ").append(WORDS[random.nextInt(WORDS.length)]).append('\n');
        }
    }

    private static void block(StringBuilder out, Random random, String indent, String key) {
        out.append(indent).append(key).append(": |\n");
        for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
            out.append(indent).append("  ").append(WORDS[random.nextInt(WORDS.length)])
               .append(" = \"{{ .Values.").append(WORDS[random.nextInt(WORDS.length)]).append(" }}\"\n");
        }
    }

    private static String scalar(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> "\"" + WORDS[random.nextInt(WORDS.length)] + "-" + random.nextInt(1000) + "\"";
            case 1 -> WORDS[random.nextInt(WORDS.length)];
            case 2 -> Integer.toString(random.nextInt(65536));
            case 3 -> random.nextInt(1 << 26) + " # " + random.nextInt(64) + "MiB";
            case 4 -> random.nextBoolean() ? "true" : "false";
            case 5 -> "[]";
            case 6 -> "{}";
            case 7 -> "'" + WORDS[random.nextInt(WORDS.length)] + ":" + random.nextInt(100) + "'";
            default -> "\"\"";
        };
    }
}
