package io.probehost.sim.adi.rbb;

import io.probehost.sim.adi.SwjPins;

/** Turns remote_bitbang command characters into pin activity; one decoder per client session. */
final class BitbangDecoder {

    enum Outcome { NONE, READ_ZERO, READ_ONE, LED_ON, LED_OFF, QUIT }

    private final SwjPins pins;
    private boolean tck;

    BitbangDecoder(SwjPins pins) {
        this.pins = pins;
    }

    Outcome execute(char command) {
        if (command >= '0' && command <= '7') {
            int bits = command - '0';
            boolean newTck = (bits & 4) != 0;
            if (newTck && !tck) {
                pins.jtagClock((bits & 2) != 0, (bits & 1) != 0);
            }
            tck = newTck;
            return Outcome.NONE;
        }
        switch (command) {
            case 'R':
                return pins.tdo() ? Outcome.READ_ONE : Outcome.READ_ZERO;
            case 'r': case 's': case 't': case 'u':
                reset(command - 'r');
                return Outcome.NONE;
            case 'B':
                return Outcome.LED_ON;
            case 'b':
                return Outcome.LED_OFF;
            case 'Q':
                return Outcome.QUIT;
            default:
                return Outcome.NONE; // newlines, and commands of later protocol versions
        }
    }

    /** 'r'..'u' encode (TRST asserted, SRST asserted) as bits 1 and 0. */
    private void reset(int trstSrst) {
        if ((trstSrst & 2) != 0) {
            pins.jtagReset();
        }
        pins.setResetAsserted((trstSrst & 1) != 0);
    }
}
