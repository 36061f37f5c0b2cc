package io.probehost.sim.mcu;

/** A bus error answer: nothing mapped at the address, or the device refused the access. */
public final class BusFault extends Exception {
    private static final long serialVersionUID = 1L;
    private final int address;

    public BusFault(int address, String reason) {
        super(String.format("bus fault at 0x%08X: %s", address, reason), null, false, false);
        this.address = address;
    }

    public int address() {
        return address;
    }
}
