/**
 * platform-secrets: resolves the platform secrets of a Helm-installed data platform, validates and
 * stores Kubernetes Secrets, and checks the secret references of pipeline specs.
 */
module dev.platformsecrets {
    requires org.snakeyaml.engine;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.yaml;
    requires org.apache.commons.codec;

    exports dev.platformsecrets;
    exports dev.platformsecrets.values;
    exports dev.platformsecrets.rules;
    exports dev.platformsecrets.resolve;
    exports dev.platformsecrets.secret;
    exports dev.platformsecrets.store;
    exports dev.platformsecrets.pipeline;
    exports dev.platformsecrets.install;
}
