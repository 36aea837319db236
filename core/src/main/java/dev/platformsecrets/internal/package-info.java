/** Internal helpers shared by the library's packages; not exported, no compatibility guarantees. */
package dev.platformsecrets.internal;
