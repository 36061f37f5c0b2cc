package io.probehost.driver.cmsisdap.internal;

import java.util.EnumSet;
import java.util.Set;

/** The DAP_Info capability bits (0xF0), numbered across both bytes. */
enum DapCapability {
    SWD(0),
    JTAG(1),
    SWO_UART(2),
    SWO_MANCHESTER(3),
    ATOMIC_COMMANDS(4),
    TEST_DOMAIN_TIMER(5),
    SWO_STREAMING(6),
    UART(7),
    UART_COM_PORT(8);

    private final int bit;

    DapCapability(int bit) {
        this.bit = bit;
    }

    int bit() {
        return bit;
    }

    static Set<DapCapability> fromBits(long bits) {
        Set<DapCapability> capabilities = EnumSet.noneOf(DapCapability.class);
        for (DapCapability capability : values()) {
            if ((bits & (1L << capability.bit)) != 0) {
                capabilities.add(capability);
            }
        }
        return capabilities;
    }
}
