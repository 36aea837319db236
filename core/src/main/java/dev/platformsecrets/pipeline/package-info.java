/** Pipeline secret references: reading, checking against a store, and rendering pod fragments. Public and stable. */
package dev.platformsecrets.pipeline;
