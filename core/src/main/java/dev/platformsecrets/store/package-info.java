/** Secret stores: the {@link dev.platformsecrets.store.SecretStore} contract and the embedded file store. Public and stable. */
package dev.platformsecrets.store;
