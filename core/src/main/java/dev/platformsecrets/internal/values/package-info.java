/**
 * The bridge through which the library's readers make value nodes, whose implementations the values
 * package keeps to itself.
 */
package dev.platformsecrets.internal.values;
