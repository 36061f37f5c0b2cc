package io.probehost.arch.riscv.internal;

import java.util.ArrayList;
import java.util.List;

import io.probehost.api.TransferException;
import io.probehost.api.TransferFaultException;
import io.probehost.arch.riscv.internal.Dmi.Operation;

/**
 * Memory through System Bus Access (riscv-debug.md §5.7), for a Debug Module that has it: physical
 * memory with the hart running or halted. Reads set {@code sbreadonaddr}, {@code sbreadondata} and
 * {@code sbautoincrement}, write {@code sbaddress0} and read {@code sbdata0} once per element (each read
 * starts the next; {@code sbreadondata} is dropped before the last); writes auto-increment through
 * {@code sbdata0}. {@code sbcs} is read at the end of each batch: {@code sberror} is a bus fault named
 * by the batch's first address, {@code sbbusyerror} (the DMI outran the bus) a transfer error.
 */
final class SystemBusMemory implements MemoryAccessor {
    static final int SBCS = 0x38;
    static final int SBADDRESS0 = 0x39;
    static final int SBDATA0 = 0x3C;
    static final int SBVERSION_013 = 1 << 29;
    static final int SBBUSYERROR = 1 << 22;
    static final int SBBUSY = 1 << 21;
    static final int SBREADONADDR = 1 << 20;
    static final int SBACCESS_SHIFT = 17;
    static final int SBAUTOINCREMENT = 1 << 16;
    static final int SBREADONDATA = 1 << 15;
    static final int SBERROR = 7 << 12;
    private static final int ELEMENTS_PER_BATCH = 128;
    private final Dmi dmi;
    private final int sizes;

    private SystemBusMemory(Dmi dmi, int sbcs) {
        this.dmi = dmi;
        this.sizes = sbcs & 0x7;
    }

    /** The system bus of a DM whose {@code sbcs} reports version 1 and 32-bit addresses, else null. */
    static SystemBusMemory of(Dmi dmi, int sbcs) {
        boolean usable = (sbcs >>> 29) == 1 && (sbcs >>> 5 & 0x7F) >= 32 && (sbcs & 0x4) != 0;
        return usable ? new SystemBusMemory(dmi, sbcs) : null;
    }

    /** Whether the bus takes accesses of {@code width} bytes (1, 2 or 4). */
    boolean supports(int width) {
        return (sizes & width) != 0;
    }

    private static int access(int width) {
        return Integer.numberOfTrailingZeros(width) << SBACCESS_SHIFT;
    }

    @Override
    public int[] read(long address, int width, int count) {
        int[] values = new int[count];
        MemoryAccessor.inBatches(address, width, count, ELEMENTS_PER_BATCH, (first, n, start) -> {
            int control = access(width) | SBREADONADDR | SBAUTOINCREMENT | SBBUSYERROR | SBERROR;
            List<Operation> operations = new ArrayList<>();
            operations.add(Operation.write(SBCS, control | (n > 1 ? SBREADONDATA : 0)));
            operations.add(Operation.write(SBADDRESS0, (int) start));
            for (int i = 0; i < n; i++) {
                if (i == n - 1 && n > 1) {
                    operations.add(Operation.write(SBCS, control & ~SBBUSYERROR & ~SBERROR));
                }
                operations.add(Operation.read(SBDATA0));
            }
            operations.add(Operation.read(SBCS));
            int[] read = dmi.run(operations);
            check(read[n], start, "read");
            System.arraycopy(read, 0, values, first, n);
        });
        return values;
    }

    @Override
    public void write(long address, int width, int[] values) {
        MemoryAccessor.inBatches(address, width, values.length, ELEMENTS_PER_BATCH, (first, n, start) -> {
            List<Operation> operations = new ArrayList<>();
            operations.add(Operation.write(SBCS, access(width) | SBAUTOINCREMENT | SBBUSYERROR | SBERROR));
            operations.add(Operation.write(SBADDRESS0, (int) start));
            for (int i = 0; i < n; i++) {
                operations.add(Operation.write(SBDATA0, values[first + i]));
            }
            operations.add(Operation.read(SBCS));
            check(dmi.run(operations)[0], start, "write");
        });
    }

    private void check(int sbcs, long address, String what) {
        if ((sbcs & (SBERROR | SBBUSYERROR)) == 0) {
            return;
        }
        dmi.write(SBCS, SBBUSYERROR | SBERROR);
        if ((sbcs & SBERROR) != 0) {
            throw new TransferFaultException(String.format("system bus %s at 0x%08X failed: sberror %d", what,
                    address, sbcs >>> 12 & 7), address);
        }
        throw new TransferException(String.format("system bus %s at 0x%08X: the Debug Module was accessed while the "
                + "bus was busy (sbbusyerror)", what, address));
    }
}
