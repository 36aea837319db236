/**
 * The snakeyaml-engine adapter: builds values trees from snakeyaml's parser events (keeping every
 * position; a document with problems is composed into snakeyaml's node tree to report them),
 * enforces the safety limits and turns snakeyaml's exceptions into problems that never echo source
 * text.
 * Internal, no guarantees.
 */
package dev.platformsecrets.internal.yaml;
