/**
 * The library's internals, in cohesive subpackages; not exported, no compatibility guarantees.
 * This root package holds nothing itself.
 */
package dev.platformsecrets.internal;
