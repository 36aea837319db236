/** Crash-safe, owner-only files: atomic replacement and POSIX permissions, shared by the file store and the values overlay. Internal. */
package dev.platformsecrets.internal.files;
