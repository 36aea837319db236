/**
 * Small programs that embed platform-secrets as install tooling does. A named module, so that its
 * build and tests prove the library's exported API is enough to embed it.
 */
module dev.platformsecrets.examples {
    requires transitive dev.platformsecrets;

    exports dev.platformsecrets.examples;
}
