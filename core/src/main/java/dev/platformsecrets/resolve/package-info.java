/**
 * Resolution: deciding, rule by rule, where each platform secret comes from. Public and stable.
 *
 * <p>{@link dev.platformsecrets.resolve.SecretResolver} applies a rule table to merged values and
 * gives a complete {@link dev.platformsecrets.resolve.Resolution} (a
 * {@link dev.platformsecrets.resolve.Decision} per rule, the platform Secrets' data, references and
 * warnings) or throws with every problem. {@link dev.platformsecrets.resolve.ResolutionReport}
 * prints it without values, {@link dev.platformsecrets.resolve.ValuesOverlay} externalises it.
 * What already exists comes in as {@link dev.platformsecrets.resolve.ExistingSecrets}; randomness
 * only through a {@link dev.platformsecrets.resolve.ValueGenerator}. Turning a resolution into
 * Secret objects is the {@code secret} package's job ({@code PlatformSecrets}).
 */
package dev.platformsecrets.resolve;
