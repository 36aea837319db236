/** File store internals: locking, the on-disk format and value sealing. Internal. */
package dev.platformsecrets.internal.store;
