/** Collecting every problem of one run, so that all are reported together. */
package dev.platformsecrets.internal.problem;
