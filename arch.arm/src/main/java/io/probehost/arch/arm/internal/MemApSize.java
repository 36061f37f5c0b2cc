package io.probehost.arch.arm.internal;

/** CSW.Size: the width of one DRW access, with its wire code. */
enum MemApSize {
    BYTE(0b000, 1), HALFWORD(0b001, 2), WORD(0b010, 4);

    final int code;
    final int bytes;

    MemApSize(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    String describe() {
        return (bytes * 8) + "-bit";
    }
}
