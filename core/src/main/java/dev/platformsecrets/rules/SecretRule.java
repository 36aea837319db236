package dev.platformsecrets.rules;

import dev.platformsecrets.KeyPath;
import dev.platformsecrets.Origin;
import dev.platformsecrets.internal.plain.PlainValues;
import dev.platformsecrets.values.ValueNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a rule table: where one platform secret value comes from. Immutable; build it with
 * {@link #builder(String, String)}, or load a table with {@link RuleTableLoader}.
 *
 * <p>A rule with {@link Delivery#SECRET} writes {@link #key()} of {@link #secret()}; a
 * {@link Delivery#PLAINTEXT} rule has no Secret of its own, and its key is only the key read from
 * an existing Secret named by the NAME attribute.
 */
public final class SecretRule {

    private final String key;
    private final String secret;
    private final KeyPath nameAttribute;
    private final KeyPath keyAttribute;
    private final KeyPath rawAttribute;
    private final boolean required;
    private final Generation generation;
    private final ValueFormat format;
    private final Condition when;
    private final Fallback fallback;
    private final Delivery delivery;
    private final List<AttributePair> deprecated;
    private final boolean copyExisting;
    private final boolean overlayInPlace;
    private final List<KeyPath> overlayNames;
    private final List<UnusableAttribute> unusable;
    private final ValueNode fallbackTree;
    private final String fallbackValue;
    private final Origin origin;

    private SecretRule(Builder builder, ValueNode fallbackTree) {
        this.key = builder.key;
        this.secret = builder.secret;
        this.nameAttribute = builder.nameAttribute;
        this.keyAttribute = builder.keyAttribute;
        this.rawAttribute = builder.rawAttribute;
        this.required = builder.required;
        this.generation = builder.generation;
        this.format = builder.format;
        this.when = builder.when;
        this.fallback = builder.fallback;
        this.delivery = builder.delivery;
        this.deprecated = List.copyOf(builder.deprecated);
        this.copyExisting = builder.copyExisting;
        this.overlayInPlace = builder.overlayInPlace;
        this.overlayNames = List.copyOf(builder.overlayNames);
        this.unusable = List.copyOf(builder.unusable);
        this.fallbackTree = fallbackTree;
        this.fallbackValue = fallback == null ? null
                : fallbackTree == null ? fallback.value()
                : PlainValues.write(PlainValues.sorted(PlainValues.plain(fallbackTree)), format == ValueFormat.JSON);
        this.origin = builder.origin;
    }

    /** A builder for a rule writing {@code key} from the RAW attribute at {@code rawAttribute}. */
    public static Builder builder(String key, String rawAttribute) {
        return new Builder(key, KeyPath.parse(rawAttribute));
    }

    /** The key inside the platform Secret, and the default key inside an existing Secret. */
    public String key() {
        return key;
    }

    /** The platform Secret's name; empty for plaintext rows. */
    public Optional<String> secret() {
        return Optional.ofNullable(secret);
    }

    /** The values path naming an existing Secret, if the row has one. */
    public Optional<KeyPath> nameAttribute() {
        return Optional.ofNullable(nameAttribute);
    }

    /** The values path overriding the key read from an existing Secret, if the row has one. */
    public Optional<KeyPath> keyAttribute() {
        return Optional.ofNullable(keyAttribute);
    }

    /** The values path of the plaintext value. */
    public KeyPath rawAttribute() {
        return rawAttribute;
    }

    /** Whether an unset value is an error. */
    public boolean required() {
        return required;
    }

    /** How the value is generated when nothing provides it; empty when it never is. */
    public Optional<Generation> generation() {
        return Optional.ofNullable(generation);
    }

    /** How a RAW value becomes bytes. */
    public ValueFormat format() {
        return format;
    }

    /** When the rule is active; {@link Condition#always()} when the row has no {@code when}. */
    public Condition when() {
        return when;
    }

    /** The fixed value used when the RAW attribute is unset, if any. */
    public Optional<Fallback> fallback() {
        return Optional.ofNullable(fallback);
    }

    /** Where the value goes. */
    public Delivery delivery() {
        return delivery;
    }

    /** Older attribute pairs, tried in order after the current pair. */
    public List<AttributePair> deprecated() {
        return deprecated;
    }

    /**
     * Whether the platform Secret also receives the value of an existing Secret named by the NAME
     * attribute: for a server that reads only the platform Secret while its clients read the named
     * one (the bundled database), so that both hold one value.
     */
    public boolean copyExisting() {
        return copyExisting;
    }

    /**
     * Whether externalising keeps this value in its own platform Secret (pointing the NAME
     * attribute at that Secret) instead of moving it to the overlay Secret: for Secrets that a
     * workload reads by their platform name whatever the NAME attribute says.
     */
    public boolean overlayInPlace() {
        return overlayInPlace;
    }

    /**
     * Further values paths that externalising points at the Secret holding this value, such as
     * the bundled database's own existing-Secret setting.
     */
    public List<KeyPath> overlayNames() {
        return overlayNames;
    }

    /** Attributes the consumer cannot use: setting one while the rule is active is an error giving the reason. */
    public List<UnusableAttribute> unusable() {
        return unusable;
    }

    /**
     * The fallback value as a values tree, read once when the rule was built: the YAML text of a
     * {@code yaml}/{@code json} row's fallback; empty for {@code string} rows and rules without one.
     */
    public Optional<ValueNode> fallbackTree() {
        return Optional.ofNullable(fallbackTree);
    }

    /**
     * The value the fallback gives the Secret on its own, written once when the rule was built: a
     * {@code string} row's fallback text as it stands, a structured row's fallback tree in the row's
     * format (keys sorted, scalars as Helm types them); empty for rules without a fallback.
     */
    public Optional<String> fallbackValue() {
        return Optional.ofNullable(fallbackValue);
    }

    /** Where the row was written; {@link Origin#UNKNOWN} for rules built in code. */
    public Origin origin() {
        return origin;
    }

    /** {@code secret/key}, or {@code (plaintext)/key}: how reports and options such as rotation name the rule. */
    public String label() {
        return (secret == null ? "(plaintext)" : secret) + "/" + key;
    }

    /**
     * How messages name the rule's value: {@code key 'k' of Secret 's'}, or for plaintext rows
     * {@code value 'k' (given to the workload as plaintext)}.
     */
    public String describe() {
        return secret == null ? "value '" + key + "' (given to the workload as plaintext)"
                : "key '" + key + "' of Secret '" + secret + "'";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretRule rule
                && key.equals(rule.key) && Objects.equals(secret, rule.secret)
                && Objects.equals(nameAttribute, rule.nameAttribute) && Objects.equals(keyAttribute, rule.keyAttribute)
                && rawAttribute.equals(rule.rawAttribute) && required == rule.required
                && Objects.equals(generation, rule.generation) && format == rule.format && when.equals(rule.when)
                && Objects.equals(fallback, rule.fallback) && delivery == rule.delivery
                && deprecated.equals(rule.deprecated) && copyExisting == rule.copyExisting
                && overlayInPlace == rule.overlayInPlace && overlayNames.equals(rule.overlayNames)
                && unusable.equals(rule.unusable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, secret, rawAttribute, when);
    }

    @Override
    public String toString() {
        return "SecretRule[" + label() + " <- " + rawAttribute + "]";
    }

    /** Builds a {@link SecretRule}; {@link #build()} checks that the settings fit together. */
    public static final class Builder {
        private final String key;
        private final KeyPath rawAttribute;
        private String secret;
        private KeyPath nameAttribute;
        private KeyPath keyAttribute;
        private boolean required;
        private Generation generation;
        private ValueFormat format = ValueFormat.STRING;
        private Condition when = Condition.always();
        private Fallback fallback;
        private Delivery delivery = Delivery.SECRET;
        private final List<AttributePair> deprecated = new ArrayList<>();
        private boolean copyExisting;
        private boolean overlayInPlace;
        private final List<KeyPath> overlayNames = new ArrayList<>();
        private final List<UnusableAttribute> unusable = new ArrayList<>();
        private Origin origin = Origin.UNKNOWN;

        private Builder(String key, KeyPath rawAttribute) {
            this.key = Objects.requireNonNull(key, "key");
            this.rawAttribute = Objects.requireNonNull(rawAttribute, "rawAttribute");
        }

        /** The platform Secret the value is written to. */
        public Builder secret(String name) {
            this.secret = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The values path naming an existing Secret. */
        public Builder nameAttribute(String path) {
            this.nameAttribute = KeyPath.parse(path);
            return this;
        }

        /** The values path overriding the key read from an existing Secret. */
        public Builder keyAttribute(String path) {
            this.keyAttribute = KeyPath.parse(path);
            return this;
        }

        /** Whether an unset value is an error. */
        public Builder required(boolean isRequired) {
            this.required = isRequired;
            return this;
        }

        /** Generate unset values this way. */
        public Builder generate(Generation how) {
            this.generation = Objects.requireNonNull(how, "how");
            return this;
        }

        /** How a RAW value becomes bytes. */
        public Builder format(ValueFormat valueFormat) {
            this.format = Objects.requireNonNull(valueFormat, "valueFormat");
            return this;
        }

        /** When the rule is active. */
        public Builder when(Condition condition) {
            this.when = Objects.requireNonNull(condition, "condition");
            return this;
        }

        /** A fixed value used when the RAW attribute is unset and the fallback's condition holds. */
        public Builder fallback(Fallback fixed) {
            this.fallback = Objects.requireNonNull(fixed, "fixed");
            return this;
        }

        /** Where the value goes. */
        public Builder delivery(Delivery where) {
            this.delivery = Objects.requireNonNull(where, "where");
            return this;
        }

        /** Adds an older attribute pair, tried after the current pair and the pairs added before. */
        public Builder deprecated(AttributePair pair) {
            this.deprecated.add(Objects.requireNonNull(pair, "pair"));
            return this;
        }

        /** Copies the value of an existing Secret named by the NAME attribute into the platform Secret. */
        public Builder copyExisting(boolean copy) {
            this.copyExisting = copy;
            return this;
        }

        /** Externalising keeps the value in the rule's own platform Secret. */
        public Builder overlayInPlace(boolean inPlace) {
            this.overlayInPlace = inPlace;
            return this;
        }

        /** Adds a values path that externalising points at the Secret holding this value. */
        public Builder overlayName(String path) {
            this.overlayNames.add(KeyPath.parse(path));
            return this;
        }

        /** Adds an attribute the consumer cannot use, with the reason given when it is set. */
        public Builder unusable(UnusableAttribute attribute) {
            this.unusable.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        /** Where the row was written, for messages. */
        public Builder origin(Origin where) {
            this.origin = Objects.requireNonNull(where, "where");
            return this;
        }

        /**
         * Checks that the settings fit together and builds the rule.
         *
         * @throws IllegalArgumentException naming the first setting that does not fit
         */
        public SecretRule build() {
            if (key.isEmpty()) {
                throw new IllegalArgumentException("key must not be empty");
            }
            if (rawAttribute.isRoot()) {
                throw new IllegalArgumentException("rawAttribute must not be empty");
            }
            if (delivery == Delivery.SECRET && (secret == null || secret.isEmpty())) {
                throw new IllegalArgumentException("secret is required unless delivery is plaintext");
            }
            if (delivery == Delivery.PLAINTEXT && secret != null) {
                throw new IllegalArgumentException("a plaintext row has no secret of its own; remove 'secret'");
            }
            if (keyAttribute != null && nameAttribute == null) {
                throw new IllegalArgumentException("keyAttribute needs a nameAttribute");
            }
            if (generation != null && format != ValueFormat.STRING) {
                throw new IllegalArgumentException("only format 'string' rows can generate values");
            }
            if (generation != null && delivery == Delivery.PLAINTEXT) {
                throw new IllegalArgumentException("plaintext rows cannot generate values");
            }
            if ((copyExisting || overlayInPlace) && (nameAttribute == null || delivery == Delivery.PLAINTEXT)) {
                throw new IllegalArgumentException("copyExisting and overlayInPlace need a nameAttribute and a secret");
            }
            ValueNode tree = null;
            if (fallback != null && format != ValueFormat.STRING) {
                tree = FallbackText.parse(fallback.value(), origin);
            }
            return new SecretRule(this, tree);
        }
    }
}
