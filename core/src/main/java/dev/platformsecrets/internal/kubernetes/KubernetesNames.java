package dev.platformsecrets.internal.kubernetes;

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
    private static final String QUALIFIED_NAME_FORMAT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FORMAT);
    private static final String LABEL_VALUE_FORMAT = "(" + QUALIFIED_NAME_FORMAT + ")?";
    private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FORMAT);
    private static final String QUALIFIED_NAME_MESSAGE = "must consist of alphanumeric characters, '-', '_' or '.',"
            + " and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc',"
            + " regex used for validation is '" + QUALIFIED_NAME_FORMAT + "')";

    /** The longest DNS-1123 subdomain. */
    public static final int MAX_SUBDOMAIN_LENGTH = 253;
    /** The longest DNS-1123 label. */
    public static final int MAX_LABEL_LENGTH = 63;
    /** The longest data key. */
    public static final int MAX_KEY_LENGTH = 253;
    /** The longest name part of a qualified name (label and annotation keys). */
    public static final int MAX_QUALIFIED_NAME_LENGTH = 63;
    /** The longest label value. */
    public static final int MAX_LABEL_VALUE_LENGTH = 63;

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
        errors.addAll(notDotted(key));
        return errors;
    }

    /**
     * Checks a qualified name, the rule for label and annotation keys: an optional DNS subdomain
     * prefix and {@code /}, then a name of at most 63 characters.
     */
    public static List<String> qualifiedName(String value) {
        List<String> errors = new ArrayList<>();
        String[] parts = value.split("/", -1);
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            String prefix = parts[0];
            name = parts[1];
            if (prefix.isEmpty()) {
                errors.add("prefix part must be non-empty");
            } else {
                dnsSubdomain(prefix).forEach(message -> errors.add("prefix part " + message));
            }
        } else {
            errors.add("a qualified name " + QUALIFIED_NAME_MESSAGE
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return errors;
        }
        if (name.isEmpty()) {
            errors.add("name part must be non-empty");
        } else if (byteLength(name) > MAX_QUALIFIED_NAME_LENGTH) {
            errors.add("name part must be no more than " + MAX_QUALIFIED_NAME_LENGTH + " characters");
        }
        if (!QUALIFIED_NAME.matcher(name).matches()) {
            errors.add("name part " + QUALIFIED_NAME_MESSAGE);
        }
        return errors;
    }

    /** Checks a label value: empty, or at most 63 characters of a qualified name's alphabet. */
    public static List<String> labelValue(String value) {
        List<String> errors = new ArrayList<>();
        if (byteLength(value) > MAX_LABEL_VALUE_LENGTH) {
            errors.add("must be no more than " + MAX_LABEL_VALUE_LENGTH + " characters");
        }
        if (!LABEL_VALUE.matcher(value).matches()) {
            errors.add("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.',"
                    + " and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or"
                    + " '12345', regex used for validation is '" + LABEL_VALUE_FORMAT + "')");
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
        errors.addAll(notDotted(name));
        return errors;
    }

    /** apimachinery's {@code hasChDirPrefix} checks: not {@code .}, not {@code ..}, no {@code ..} prefix. */
    private static List<String> notDotted(String name) {
        if (name.equals(".")) {
            return List.of("must not be '.'");
        }
        if (name.equals("..")) {
            return List.of("must not be '..'");
        }
        return name.startsWith("..") ? List.of("must not start with '..'") : List.of();
    }

    private static int byteLength(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
