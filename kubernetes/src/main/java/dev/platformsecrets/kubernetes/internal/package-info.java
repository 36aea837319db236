/** The fabric8 adapter: client configuration, mapping Secrets both ways, and mapping errors. Not exported. */
package dev.platformsecrets.kubernetes.internal;
