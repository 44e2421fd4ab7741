package gate.executor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VarsTest {
    private static final StateLayout LAYOUT = new StateLayout(65536, 8192, 16);

    private static Vars vars(int pages, long sp, long pc, long memoryAddr) {
        return new Vars(Vars.MAGIC, Vars.STOPPED, 0, pages, sp, pc, 0, 1L << 32, 2L << 32, memoryAddr, false);
    }

    @Test
    void valuesOutsideTheLayoutAreRejected() {
        assertTrue(vars(16, 1024, 100, 4L << 32).fits(LAYOUT, 4096));
        assertTrue(vars(0, 65528, -1, 4L << 32).fits(LAYOUT, 4096));
        assertFalse(vars(17, 1024, 100, 4L << 32).fits(LAYOUT, 4096));
        assertFalse(vars(-1, 1024, 100, 4L << 32).fits(LAYOUT, 4096));
        assertFalse(vars(1, 65536, 100, 4L << 32).fits(LAYOUT, 4096));
        assertFalse(vars(1, -8, 100, 4L << 32).fits(LAYOUT, 4096));
        assertFalse(vars(1, 1024, 4096, 4L << 32).fits(LAYOUT, 4096));
        assertFalse(vars(1, 1024, 100, (4L << 32) + 4096).fits(LAYOUT, 4096));
    }
}
