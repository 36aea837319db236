/** Open-addressing slot arithmetic for the few hash tables that a measured target needs. */
package dev.platformsecrets.internal.hash;
