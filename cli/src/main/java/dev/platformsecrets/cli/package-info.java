/** The {@code platform-secrets} command line: wiring only, no logic of its own. */
package dev.platformsecrets.cli;
