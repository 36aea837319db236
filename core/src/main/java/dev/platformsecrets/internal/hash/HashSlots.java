package dev.platformsecrets.internal.hash;

/**
 * Home slots for open addressing in tables whose length is a power of two, by Fibonacci hashing:
 * the top bits of the hash times 2^32 over the golden ratio. Close hashes, such as those of the keys
 * {@code c0} to {@code c9999}, land far apart; folding the high bits into the low ones (as
 * {@link java.util.HashMap} does) leaves them in long runs of taken slots that linear probing walks.
 *
 * <p>Tables are {@code int} arrays whose slot 0 means free; collisions probe linearly with
 * {@link #next}, and {@link #freeSlot} is the insertion probe.
 */
public final class HashSlots {

    private static final int GOLDEN_RATIO = 0x9E3779B9;

    private HashSlots() {
    }

    /** The home slot of {@code hash} in a table of {@code length} slots, a power of two of at least 2. */
    public static int slot(int hash, int length) {
        return (hash * GOLDEN_RATIO) >>> Integer.numberOfLeadingZeros(length - 1);
    }

    /** The slot probed after {@code slot} in a table of {@code length} slots, wrapping at the end. */
    public static int next(int slot, int length) {
        return (slot + 1) & (length - 1);
    }

    /** The first free (zero) slot of {@code table} from the home slot of {@code hash}; the table must have one. */
    public static int freeSlot(int[] table, int hash) {
        int slot = slot(hash, table.length);
        while (table[slot] != 0) {
            slot = next(slot, table.length);
        }
        return slot;
    }

    /** A table length for {@code entries}: a power of two of at least twice as many, and at least 4. */
    public static int lengthFor(int entries) {
        return Integer.highestOneBit(Math.max(entries, 1)) << 2;
    }
}
