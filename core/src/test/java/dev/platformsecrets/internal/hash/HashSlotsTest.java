package dev.platformsecrets.internal.hash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HashSlotsTest {

    @Test
    @DisplayName("the insertion probe takes the home slot when free, else the next free one, wrapping at the end")
    void freeSlotProbesLinearlyAndWraps() {
        int[] table = new int[8];
        int hash = 12345;
        int home = HashSlots.slot(hash, table.length);
        assertThat(HashSlots.freeSlot(table, hash)).isEqualTo(home);

        for (int i = 0; i < table.length - 1; i++) {
            table[(home + i) % table.length] = 1;
        }
        assertThat(HashSlots.freeSlot(table, hash)).isEqualTo((home + table.length - 1) % table.length);
        assertThat(HashSlots.next(table.length - 1, table.length)).isZero();
    }

    @Test
    @DisplayName("home slots lie inside the table, and table lengths are powers of two of at least twice the entries")
    void slotsAndLengths() {
        for (int entries = 0; entries < 100; entries++) {
            int length = HashSlots.lengthFor(entries);
            assertThat(Integer.bitCount(length)).isOne();
            assertThat(length).isGreaterThanOrEqualTo(Math.max(4, 2 * entries));
            for (int hash = -50; hash < 50; hash++) {
                assertThat(HashSlots.slot(hash * 7919, length)).isBetween(0, length - 1);
            }
        }
    }
}
