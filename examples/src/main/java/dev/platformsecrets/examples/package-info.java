/** Small programs showing how install tooling embeds the library; compiled and tested, never published. */
package dev.platformsecrets.examples;
