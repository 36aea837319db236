package dev.platformsecrets.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kubernetes' name rules (apimachinery's {@code util/validation}), each returning the API server's
 * own messages; an empty list means valid. Whole-string matching, as Go's anchored regexes do: a
 * trailing newline is never accepted.
 */
public final class KubernetesNames {

    private static final String LABEL_FORMAT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String SUBDOMAIN_FORMAT = LABEL_FORMAT + "(\\." + LABEL_FORMAT + ")*";
    private static final Pattern LABEL = Pattern.compile(LABEL_FORMAT);
    private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FORMAT);
    private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern ENV_VAR = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    /** The longest DNS-1123 subdomain. */
    public static final int MAX_SUBDOMAIN_LENGTH = 253;
    /** The longest DNS-1123 label. */
    public static final int MAX_LABEL_LENGTH = 63;
    /** The longest data key. */
    public static final int MAX_KEY_LENGTH = 253;

    private KubernetesNames() {
    }

    /** Checks a DNS-1123 subdomain, the rule for Secret names. */
    public static List<String> dnsSubdomain(String name) {
        List<String> errors = new ArrayList<>();
        if (byteLength(name) > MAX_SUBDOMAIN_LENGTH) {
            errors.add("must be no more than " + MAX_SUBDOMAIN_LENGTH + " characters");
        }
        if (!SUBDOMAIN.matcher(name).matches()) {
            errors.add("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.',"
                    + " and must start and end with an alphanumeric character (e.g. 'example.com', regex used for"
                    + " validation is '" + SUBDOMAIN_FORMAT.replace("\\\\", "\\") + "')");
        }
        return errors;
    }

    /** Checks a DNS-1123 label, the rule for namespaces and volume names. */
    public static List<String> dnsLabel(String name) {
        List<String> errors = new ArrayList<>();
        if (byteLength(name) > MAX_LABEL_LENGTH) {
            errors.add("must be no more than " + MAX_LABEL_LENGTH + " characters");
        }
        if (!LABEL.matcher(name).matches()) {
            if (SUBDOMAIN.matcher(name).matches()) {
                errors.add("must not contain dots");
            } else {
                errors.add("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
                        + " and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc',"
                        + " regex used for validation is '" + LABEL_FORMAT + "')");
            }
        }
        return errors;
    }

    /** Checks a Secret or ConfigMap data key. */
    public static List<String> configKey(String key) {
        List<String> errors = new ArrayList<>();
        if (byteLength(key) > MAX_KEY_LENGTH) {
            errors.add("must be no more than " + MAX_KEY_LENGTH + " characters");
        }
        if (!CONFIG_KEY.matcher(key).matches()) {
            errors.add("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',"
                    + "  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
        }
        if (key.equals(".")) {
            errors.add("must not be '.'");
        } else if (key.equals("..")) {
            errors.add("must not be '..'");
        } else if (key.startsWith("..")) {
            errors.add("must not start with '..'");
        }
        return errors;
    }

    /** Checks an environment variable name as the API server does for container env. */
    public static List<String> envVarName(String name) {
        List<String> errors = new ArrayList<>();
        if (!ENV_VAR.matcher(name).matches()) {
            errors.add("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or"
                    + " '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1',"
                    + " regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')");
        }
        if (name.equals(".")) {
            errors.add("must not be '.'");
        } else if (name.equals("..")) {
            errors.add("must not be '..'");
        } else if (name.startsWith("..")) {
            errors.add("must not start with '..'");
        }
        return errors;
    }

    private static int byteLength(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
