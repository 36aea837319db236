/**
 * The snakeyaml-engine adapter: reads YAML through the node tree (keeping every position), enforces
 * the safety limits and turns snakeyaml's exceptions into problems that never echo source text.
 * Internal, no guarantees.
 */
package dev.platformsecrets.internal.yaml;
