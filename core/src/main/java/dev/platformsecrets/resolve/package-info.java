/** Resolution: deciding, rule by rule, where each platform secret comes from. Public and stable. */
package dev.platformsecrets.resolve;
