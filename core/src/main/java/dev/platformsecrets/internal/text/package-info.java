/** Text in and out: strict UTF-8 decoding of input files and the column layout of printed tables. */
package dev.platformsecrets.internal.text;
