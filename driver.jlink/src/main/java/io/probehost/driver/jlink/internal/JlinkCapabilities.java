package io.probehost.driver.jlink.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The capability bits of GET_CAPS (32) or GET_CAPS_EX (256): bit {@code i} in byte {@code i / 8}. */
final class JlinkCapabilities {
    static final int GET_HW_VERSION = 1;
    static final int READ_CONFIG = 4;
    static final int SPEED_INFO = 9;
    static final int GET_MAX_BLOCK_SIZE = 11;
    static final int GET_HW_INFO = 12;
    static final int SET_KS_POWER = 13;
    static final int SELECT_IF = 17;
    static final int GET_CAPS_EX = 31;

    private final byte[] bits;

    JlinkCapabilities(byte[] bits) {
        this.bits = bits.clone();
    }

    boolean has(int capability) {
        return capability / 8 < bits.length && ((bits[capability / 8] >>> (capability % 8)) & 1) != 0;
    }

    /** Whether every bit of {@code legacy} is set here too (GET_CAPS_EX must be a superset). */
    boolean covers(JlinkCapabilities legacy) {
        for (int bit = 0; bit < legacy.bits.length * 8; bit++) {
            if (legacy.has(bit) && !has(bit)) {
                return false;
            }
        }
        return true;
    }

    List<Integer> setBits() {
        List<Integer> set = new ArrayList<>();
        for (int bit = 0; bit < bits.length * 8; bit++) {
            if (has(bit)) {
                set.add(bit);
            }
        }
        return set;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JlinkCapabilities c && Arrays.equals(c.bits, bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    @Override
    public String toString() {
        return "capabilities " + setBits();
    }
}
