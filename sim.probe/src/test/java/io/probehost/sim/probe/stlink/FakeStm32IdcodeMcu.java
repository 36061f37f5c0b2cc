package io.probehost.sim.probe.stlink;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.DebuggableMcu;
import io.probehost.sim.mcu.MemoryPort;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.nrf51.Nrf51822;

/** The virtual nRF51 with an STM32 DBGMCU_IDCODE at 0xE0042000 on its debug bus (a fake for the STM32-only rule). */
final class FakeStm32IdcodeMcu implements DebuggableMcu {
    static final int DBGMCU_IDCODE = 0xE004_2000;

    private final Nrf51822 mcu;
    private final int idcode;
    private final MemoryPort bus;
    int idcodeReads;

    FakeStm32IdcodeMcu(Nrf51822 mcu, int idcode) {
        this.mcu = mcu;
        this.idcode = idcode;
        MemoryPort inner = mcu.debugBus();
        this.bus = new MemoryPort() {
            @Override
            public int read(int address, AccessSize size) throws BusFault {
                if (address == DBGMCU_IDCODE) {
                    idcodeReads++;
                    return FakeStm32IdcodeMcu.this.idcode;
                }
                return inner.read(address, size);
            }

            @Override
            public void write(int address, AccessSize size, int value) throws BusFault {
                inner.write(address, size, value);
            }
        };
    }

    @Override
    public MemoryPort debugBus() {
        return bus;
    }

    @Override
    public int romTableBase() {
        return mcu.romTableBase();
    }

    @Override
    public void setResetPinAsserted(boolean asserted) {
        mcu.setResetPinAsserted(asserted);
    }

    @Override
    public void setDebugPowerRequested(boolean requested) {
        mcu.setDebugPowerRequested(requested);
    }

    @Override
    public boolean isDebugPowered() {
        return mcu.isDebugPowered();
    }

    @Override
    public VirtualClock clock() {
        return mcu.clock();
    }

    @Override
    public void close() {
        mcu.close();
    }
}
