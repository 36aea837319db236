/**
 * Pipeline secret references: reading a pipeline spec's {@code transform.secrets} and
 * {@code transform.imagePullSecrets}, checking them (with or without a
 * {@link dev.platformsecrets.store.SecretStore}), and rendering the pod fragments the worker builds
 * from them. Public and stable.
 *
 * <p>Flow: {@link dev.platformsecrets.pipeline.PipelineSpecReader} (reading problems are thrown
 * together) → {@link dev.platformsecrets.pipeline.PipelineChecker} (a
 * {@link dev.platformsecrets.pipeline.CheckReport} with every problem) →
 * {@link dev.platformsecrets.pipeline.PodFragmentRenderer} →
 * {@link dev.platformsecrets.pipeline.PodFragmentWriter} (YAML or JSON, camelCase, fixed shape).
 *
 * <p>Decisions where the real server is silent or lax, and where the design left a choice:
 * <ul>
 *   <li>An absent field, {@code null} and the empty string all mean "not set", as in protobuf.
 *   <li>Unknown fields inside a secret entry are errors (the server's JSON schema forbids them);
 *       unknown fields elsewhere in the spec are ignored.
 *   <li>A mount path that is not in normal form is an error naming the normal form, not silently
 *       rewritten: the worker would pass it on as written.
 *   <li>{@code key} on an entry without {@code envVar} is a warning: the worker ignores it.
 *   <li>An image pull secret listed twice is a warning; the rendered pod lists each name once,
 *       the spec's first, then the cluster-wide ones.
 *   <li>Checks never depend on a dry-run flag.
 * </ul>
 */
package dev.platformsecrets.pipeline;
