package io.probehost.sim.adi;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.MemoryPort;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A bus in front of another that answers chosen address ranges with a {@link BusFault}. */
public final class FaultInjectingMemoryPort implements MemoryPort {
    private record Range(long first, long last) {
        boolean overlaps(int address, AccessSize size) {
            long start = Integer.toUnsignedLong(address);
            return start <= last && start + size.bytes() - 1 >= first;
        }
    }

    private final MemoryPort delegate;
    private final List<Range> faulting = new CopyOnWriteArrayList<>();

    public FaultInjectingMemoryPort(MemoryPort delegate) {
        this.delegate = delegate;
    }

    /** Every access touching [start, start + length) faults from now on. */
    public void faultRange(int start, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("length must be positive: " + length);
        }
        long first = Integer.toUnsignedLong(start);
        faulting.add(new Range(first, first + length - 1));
    }

    public void clearFaultRanges() {
        faulting.clear();
    }

    @Override
    public int read(int address, AccessSize size) throws BusFault {
        check(address, size);
        return delegate.read(address, size);
    }

    @Override
    public void write(int address, AccessSize size, int value) throws BusFault {
        check(address, size);
        delegate.write(address, size, value);
    }

    private void check(int address, AccessSize size) throws BusFault {
        for (Range range : faulting) {
            if (range.overlaps(address, size)) {
                throw new BusFault(address, "injected fault");
            }
        }
    }
}
