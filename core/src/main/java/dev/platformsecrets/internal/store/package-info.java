/** File store internals: atomic writes, locking, permissions, the on-disk format and value sealing. Internal. */
package dev.platformsecrets.internal.store;
