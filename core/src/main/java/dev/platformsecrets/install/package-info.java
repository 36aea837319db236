/**
 * The install flow in one call: values files in, the Secrets to create and the values overlay out,
 * for {@code helm upgrade --install -f values.yaml -f overlay.yaml} (see {@link InstallFlow}).
 */
package dev.platformsecrets.install;
