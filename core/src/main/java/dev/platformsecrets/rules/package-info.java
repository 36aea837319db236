/**
 * Rule tables: which platform secret comes from which values attributes, and when. Public and stable.
 *
 * <p>A {@link dev.platformsecrets.rules.RuleTable} is a list of
 * {@link dev.platformsecrets.rules.SecretRule}s plus the defaults its rules read. Tables are data:
 * the built-in {@code platform-secrets-map} (the documented map, the default) and
 * {@code pachyderm-2.10} (what the 2.10.7 chart consumes) ship as commented YAML resources next to
 * this package; {@link dev.platformsecrets.rules.RuleTableLoader} reads user tables in the same
 * format, and {@link dev.platformsecrets.rules.SecretRule#builder} builds rules in code. A rule's
 * {@code when} is a {@link dev.platformsecrets.rules.Condition}.
 */
package dev.platformsecrets.rules;
