package io.probehost.sim.mcu.nrf51;

import io.probehost.sim.mcu.bus.PlainRegisters;
import java.io.ByteArrayOutputStream;

/** UART0 (0x40002000), transmit side only: each TXD write is captured and TXDRDY raised at once. */
final class Uart extends PlainRegisters {
    static final int BASE = 0x4000_2000;
    private static final int EVENTS_TXDRDY = 0x11C;
    private static final int TXD = 0x51C;

    private final ByteArrayOutputStream transmitted = new ByteArrayOutputStream();

    @Override
    protected void afterWrite(int offset, int value) {
        if (offset == TXD) {
            transmitted.write(value & 0xFF);
            set(EVENTS_TXDRDY, 1);
        }
    }

    byte[] transmitted() {
        return transmitted.toByteArray();
    }
}
