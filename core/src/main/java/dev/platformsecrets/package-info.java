/**
 * The vocabulary every part of platform-secrets shares: {@link dev.platformsecrets.Origin},
 * {@link dev.platformsecrets.KeyPath}, {@link dev.platformsecrets.Problem} and the one exception root
 * {@link dev.platformsecrets.PlatformSecretsException}. Public and stable.
 */
package dev.platformsecrets;
