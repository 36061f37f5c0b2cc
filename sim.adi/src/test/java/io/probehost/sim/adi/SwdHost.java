package io.probehost.sim.adi;

import java.util.ArrayList;
import java.util.List;

/** A bit-level SWD host for tests: what a probe's firmware does with SWDIO, cycle by cycle. */
final class SwdHost {
    record Response(int ack, int data, boolean parityOk) {
    }

    final SwjPins pins;
    int turnaround = 1;
    /** Every SWDIO level the host sampled while the line was released, for golden comparisons. */
    final List<Boolean> sampled = new ArrayList<>();

    SwdHost(SwjPins pins) {
        this.pins = pins;
    }

    void send(long bits, int count) {
        for (int i = 0; i < count; i++) {
            pins.swdClock(true, ((bits >>> i) & 1) != 0);
        }
    }

    void ones(int count) {
        for (int i = 0; i < count; i++) {
            pins.swdClock(true, true);
        }
    }

    void zeros(int count) {
        send(0, count);
    }

    int receive(int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            boolean bit = pins.swdClock(false, false);
            sampled.add(bit);
            value |= (bit ? 1 : 0) << i;
        }
        return value;
    }

    void lineReset() {
        ones(56);
        zeros(8);
    }

    /** Line reset, JTAG-to-SWD, line reset, idle: the legacy switch recipe. */
    void switchFromJtag() {
        ones(56);
        send(0xE79E, 16);
        lineReset();
    }

    static int request(boolean ap, boolean read, int address) {
        int a2 = (address >> 2) & 1;
        int a3 = (address >> 3) & 1;
        int apBit = ap ? 1 : 0;
        int rnw = read ? 1 : 0;
        int parity = (apBit + rnw + a2 + a3) & 1;
        return 1 | apBit << 1 | rnw << 2 | a2 << 3 | a3 << 4 | parity << 5 | 1 << 7;
    }

    Response read(boolean ap, int address) {
        send(request(ap, true, address), 8);
        receive(turnaround);
        int ack = receive(3);
        if (ack != Ack.OK.swdCode()) {
            receive(turnaround);
            return new Response(ack, 0, true);
        }
        int data = receive(32);
        int parity = receive(1);
        receive(turnaround);
        return new Response(ack, data, parity == (Integer.bitCount(data) & 1));
    }

    int write(boolean ap, int address, int data) {
        return write(ap, address, data, Integer.bitCount(data) & 1);
    }

    int write(boolean ap, int address, int data, int parity) {
        send(request(ap, false, address), 8);
        receive(turnaround);
        int ack = receive(3);
        receive(turnaround);
        if (ack == Ack.OK.swdCode()) {
            send(data & 0xFFFF_FFFFL, 32);
            send(parity, 1);
        }
        zeros(2);
        return ack;
    }

    int readDp(int address) {
        Response response = read(false, address);
        if (response.ack() != Ack.OK.swdCode()) {
            throw new AssertionError("DP read 0x" + Integer.toHexString(address) + " ACK " + response.ack());
        }
        return response.data();
    }

    void writeDp(int address, int data) {
        int ack = write(false, address, data);
        if (ack != Ack.OK.swdCode()) {
            throw new AssertionError("DP write 0x" + Integer.toHexString(address) + " ACK " + ack);
        }
    }

    void writeAp(int address, int data) {
        int ack = write(true, address, data);
        if (ack != Ack.OK.swdCode()) {
            throw new AssertionError("AP write 0x" + Integer.toHexString(address) + " ACK " + ack);
        }
    }

    /** A posted AP read followed by RDBUFF: the AP register's value. */
    int readAp(int address) {
        Response posted = read(true, address);
        if (posted.ack() != Ack.OK.swdCode()) {
            throw new AssertionError("AP read ACK " + posted.ack());
        }
        return readDp(0xC);
    }

    /** Connects: switch from JTAG, read DPIDR, power up, select AP 0 bank 0. */
    void connect() {
        switchFromJtag();
        readDp(0x0);
        writeDp(0x4, 0x5000_0000);
        writeDp(0x8, 0);
    }
}
