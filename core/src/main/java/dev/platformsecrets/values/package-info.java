/**
 * Values files and overrides: loading through the YAML node tree with the origin of every value,
 * Helm's merge and {@code --set} semantics, Helm's typing and truthiness. Public and stable.
 */
package dev.platformsecrets.values;
