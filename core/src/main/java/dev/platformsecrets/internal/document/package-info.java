/** Jackson adapter: reads JSON and YAML documents into origin-keeping value trees. Internal. */
package dev.platformsecrets.internal.document;
