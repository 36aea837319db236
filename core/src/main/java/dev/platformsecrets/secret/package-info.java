/**
 * Kubernetes Secrets: the value type, validation by the API server's rules (with Go-compatible
 * base64), reading kubectl's JSON and YAML, and writing manifests. Public and stable.
 */
package dev.platformsecrets.secret;
