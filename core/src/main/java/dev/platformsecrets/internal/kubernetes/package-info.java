/** Kubernetes' own rules, in the API server's words, shared by the Secret, store and pipeline code. */
package dev.platformsecrets.internal.kubernetes;
