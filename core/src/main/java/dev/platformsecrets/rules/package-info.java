/** Rule tables: which platform secret comes from which values attributes, and when. Public and stable. */
package dev.platformsecrets.rules;
