package dev.platformsecrets.internal.yaml;

import dev.platformsecrets.Origin;
import dev.platformsecrets.values.ValueNode;

/** Types plain scalars the way the values package wants them (Helm's YAML 1.1 reading). */
public interface ValueNodeFactory {

    /** The node for an unquoted scalar: a typed scalar or an explicit null. */
    ValueNode plainScalar(String text, Origin origin);

    /** The string key Helm makes of an unquoted map key ({@code on} becomes {@code "true"}). */
    String plainKey(String text);
}
