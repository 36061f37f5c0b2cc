package io.probehost.sim.adi;

import io.probehost.sim.mcu.BusFault;

/** An AP's register file as the DP addresses it: byte offsets 0x00-0xFC (APBANKSEL and A[3:2]). */
interface AccessPort {

    int read(int register) throws BusFault;

    void write(int register, int value) throws BusFault;

    /** Registers of an APSEL with no AP behind it: everything reads 0, IDR included. */
    AccessPort ABSENT = new AccessPort() {
        @Override
        public int read(int register) {
            return 0;
        }

        @Override
        public void write(int register, int value) {
        }
    };
}
