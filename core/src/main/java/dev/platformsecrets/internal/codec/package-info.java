/** Byte encodings shared by the Secret and store code (base64 through commons-codec). */
package dev.platformsecrets.internal.codec;
