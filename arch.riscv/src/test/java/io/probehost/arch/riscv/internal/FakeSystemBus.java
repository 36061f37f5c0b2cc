package io.probehost.arch.riscv.internal;

import java.util.List;

import io.probehost.arch.riscv.internal.Dmi.Operation;

/**
 * System Bus Access (sbcs, sbaddress0, sbdata0; riscv-debug.md §2, §5.7) over a RAM of its own, put in
 * front of the lab DM (which has none): 8, 16 and 32-bit accesses, sbreadonaddr, sbreadondata,
 * sbautoincrement, sberror 2 (bad address) outside the RAM. Counts halt requests that pass by.
 */
final class FakeSystemBus implements Dmi {
    private final Dmi dm;
    private final long base;
    private final byte[] ram;
    private int control;
    private int error;
    private long address;
    private int data;
    int haltRequests;

    FakeSystemBus(Dmi dm, long base, int size) {
        this.dm = dm;
        this.base = base;
        this.ram = new byte[size];
    }

    @Override
    public int[] run(List<Operation> operations) {
        int[] out = new int[operations.size()];
        int reads = 0;
        for (Operation operation : operations) {
            int value = switch (operation.address()) {
                case SystemBusMemory.SBCS, SystemBusMemory.SBADDRESS0, SystemBusMemory.SBDATA0 -> bus(operation);
                default -> {
                    if (!operation.read() && operation.address() == DebugModule.DMCONTROL
                            && (operation.value() & DebugModule.DMCONTROL_HALTREQ) != 0) {
                        haltRequests++;
                    }
                    int[] passed = dm.run(List.of(operation));
                    yield passed.length > 0 ? passed[0] : 0;
                }
            };
            if (operation.read()) {
                out[reads++] = value;
            }
        }
        return java.util.Arrays.copyOf(out, reads);
    }

    private int bus(Operation operation) {
        int size = 1 << (control >>> SystemBusMemory.SBACCESS_SHIFT & 7);
        switch (operation.address()) {
            case SystemBusMemory.SBCS -> {
                if (operation.read()) {
                    return 1 << 29 | error << 12 | control | 32 << 5 | 0x7;
                }
                control = operation.value() & 0x001F_8000;
                if ((operation.value() & SystemBusMemory.SBERROR) != 0) {
                    error = 0;
                }
            }
            case SystemBusMemory.SBADDRESS0 -> {
                address = operation.value() & 0xFFFF_FFFFL;
                if ((control & SystemBusMemory.SBREADONADDR) != 0) {
                    fetch(size);
                }
            }
            default -> {
                if (operation.read()) {
                    int value = data;
                    if ((control & SystemBusMemory.SBREADONDATA) != 0) {
                        fetch(size);
                    }
                    return value;
                }
                if (inRam(size)) {
                    for (int i = 0; i < size; i++) {
                        ram[(int) (address - base) + i] = (byte) (operation.value() >>> (8 * i));
                    }
                    advance(size);
                } else {
                    error = 2;
                }
            }
        }
        return 0;
    }

    private void fetch(int size) {
        if (!inRam(size)) {
            error = 2;
            return;
        }
        data = 0;
        for (int i = 0; i < size; i++) {
            data |= (ram[(int) (address - base) + i] & 0xFF) << (8 * i);
        }
        advance(size);
    }

    private void advance(int size) {
        if ((control & SystemBusMemory.SBAUTOINCREMENT) != 0) {
            address += size;
        }
    }

    private boolean inRam(int size) {
        return address >= base && address + size <= base + ram.length;
    }
}
