/**
 * Values files and overrides: loading with snakeyaml-engine into a tree that keeps the origin of
 * every value, Helm's merge and {@code --set} semantics, Helm's typing and truthiness. Public and
 * stable.
 */
package dev.platformsecrets.values;
