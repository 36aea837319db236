/**
 * The cluster as the secret store: {@link dev.platformsecrets.kubernetes.KubernetesSecretStore}
 * keeps Secrets in one namespace, {@link dev.platformsecrets.kubernetes.ClusterTarget} says which
 * cluster, context and namespace (as kubectl would choose them). Public and stable; no fabric8 type
 * appears in this API.
 */
package dev.platformsecrets.kubernetes;
