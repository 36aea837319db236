package dev.platformsecrets.internal.hash;

/**
 * Home slots for open addressing in tables whose length is a power of two, by Fibonacci hashing:
 * the top bits of the hash times 2^32 over the golden ratio. Close hashes, such as those of the keys
 * {@code c0} to {@code c9999}, land far apart; folding the high bits into the low ones (as
 * {@link java.util.HashMap} does) leaves them in long runs of taken slots that linear probing walks.
 */
public final class HashSlots {

    private static final int GOLDEN_RATIO = 0x9E3779B9;

    private HashSlots() {
    }

    /** The home slot of {@code hash} in a table of {@code length} slots, a power of two of at least 2. */
    public static int slot(int hash, int length) {
        return (hash * GOLDEN_RATIO) >>> Integer.numberOfLeadingZeros(length - 1);
    }

    /** A table length for {@code entries}: a power of two of at least twice as many, and at least 4. */
    public static int lengthFor(int entries) {
        return Integer.highestOneBit(Math.max(entries, 1)) << 2;
    }
}
