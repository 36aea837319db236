/** Plain Java values (maps, lists, strings) from value trees and YAML, and their streaming JSON and YAML writer. */
package dev.platformsecrets.internal.plain;
