package io.probehost.sim.mcu.fpec;

import io.probehost.sim.mcu.AccessSize;
import io.probehost.sim.mcu.BusFault;
import io.probehost.sim.mcu.VirtualClock;
import io.probehost.sim.mcu.bus.WordRegisters;

/**
 * The flash program/erase controller (FPEC, RM0008 and PM0075) at 0x40022000: KEYR unlock sequence
 * (a wrong key faults and locks the FPEC until reset), half-word programming onto erased
 * half-words only (PGERR otherwise, except that 0x0000 always programs), page and mass erase,
 * option-byte erase and program behind OPTKEYR, write protection (WRPRTERR), BSY for the modelled
 * duration on the chip's {@link VirtualClock} and EOP when an operation completes. OBR and WRPR
 * are loaded from the option bytes at each {@link #reset()}; read-out protection follows OBR.RDPRT.
 * Not synchronised: the chip serialises accesses.
 */
public final class Fpec extends WordRegisters {
    public static final int BASE = 0x4002_2000;
    public static final int KEY1 = 0x4567_0123;
    public static final int KEY2 = 0xCDEF_89AB;
    public static final int RDP_UNPROTECTED = 0xA5;

    public static final int ACR = 0x00;
    public static final int KEYR = 0x04;
    public static final int OPTKEYR = 0x08;
    public static final int SR = 0x0C;
    public static final int CR = 0x10;
    public static final int AR = 0x14;
    public static final int OBR = 0x1C;
    public static final int WRPR = 0x20;

    public static final int SR_BSY = 1;
    public static final int SR_PGERR = 1 << 2;
    public static final int SR_WRPRTERR = 1 << 4;
    public static final int SR_EOP = 1 << 5;
    public static final int CR_PG = 1;
    public static final int CR_PER = 1 << 1;
    public static final int CR_MER = 1 << 2;
    public static final int CR_OPTPG = 1 << 4;
    public static final int CR_OPTER = 1 << 5;
    public static final int CR_STRT = 1 << 6;
    public static final int CR_LOCK = 1 << 7;
    public static final int CR_OPTWRE = 1 << 9;
    public static final int OBR_OPTERR = 1;
    public static final int OBR_RDPRT = 1 << 1;

    private static final int CR_WRITABLE = CR_PG | CR_PER | CR_MER | CR_OPTPG | CR_OPTER | (1 << 10) | (1 << 12);
    private static final int ACR_RESET = 0x30;
    /** Pages 0-3 stay write-protected while read-out protection is active (PM0075). */
    private static final int RDP_PROTECTED_PAGES = 4;

    private final FlashGeometry geometry;
    private final FlashStore store;
    private final VirtualClock clock;
    private int acr;
    private int cr;
    private int ar;
    private int errors;
    private boolean eop;
    private boolean eopPending;
    private int keysSeen;
    private int optionKeysSeen;
    private boolean lockedUntilReset;
    private int obr;
    private int wrpr;
    private long busyUntil;

    public Fpec(FlashGeometry geometry, FlashStore store, VirtualClock clock) {
        this.geometry = geometry;
        this.store = store;
        this.clock = clock;
        reset();
    }

    /** System reset: locked, idle, no status, OBR and WRPR reloaded from the option bytes. */
    public void reset() {
        store.saveIfDirty();
        acr = ACR_RESET;
        cr = CR_LOCK;
        ar = 0;
        errors = 0;
        eop = false;
        eopPending = false;
        keysSeen = 0;
        optionKeysSeen = 0;
        lockedUntilReset = false;
        busyUntil = 0;
        loadOptionBytes();
    }

    private void loadOptionBytes() {
        byte[] options = store.options.copy(0, FlashStore.OPTION_BYTES);
        boolean error = false;
        int[] values = new int[FlashStore.OPTION_BYTES / 2];
        for (int i = 0; i < values.length; i++) {
            int value = options[2 * i] & 0xFF;
            int complement = options[2 * i + 1] & 0xFF;
            boolean erased = value == 0xFF && complement == 0xFF;
            if (!erased && (value ^ complement) != 0xFF) {
                error = true;
                value = 0xFF;
            }
            values[i] = value;
        }
        boolean protectedRead = values[0] != RDP_UNPROTECTED;
        obr = (error ? OBR_OPTERR : 0) | (protectedRead ? OBR_RDPRT : 0) | (values[1] << 2)
                | (values[2] << 10) | (values[3] << 18);
        wrpr = values[4] | (values[5] << 8) | (values[6] << 16) | (values[7] << 24);
    }

    /** Whether read-out protection is active (OBR.RDPRT as loaded at the last reset). */
    public boolean readProtected() {
        return (obr & OBR_RDPRT) != 0;
    }

    public boolean busy() {
        return clock.nowNanos() < busyUntil;
    }

    /** No operation in flight or waiting to report its end: {@link #stallUntilReady()} would do nothing. */
    public boolean atRest() {
        return !eopPending && !busy();
    }

    /** A bus access to flash during an operation waits for its end: the clock moves on to it. */
    public void stallUntilReady() {
        clock.advanceTo(busyUntil);
        completeIfDone();
    }

    private void completeIfDone() {
        if (eopPending && !busy()) {
            eopPending = false;
            eop = true;
        }
    }

    private void busyFor(long nanos) {
        busyUntil = Math.max(busyUntil, clock.nowNanos()) + nanos;
        eopPending = true;
    }

    @Override
    protected int readWord(int offset) {
        completeIfDone();
        switch (offset) {
            case ACR: return acr;
            case SR: return (busy() ? SR_BSY : 0) | errors | (eop ? SR_EOP : 0);
            case CR: return cr;
            case OBR: return obr;
            case WRPR: return wrpr;
            default: return 0; // KEYR, OPTKEYR and AR are write-only
        }
    }

    @Override
    protected void writeWord(int offset, int value) throws BusFault {
        completeIfDone();
        switch (offset) {
            case ACR: acr = (value & 0x1F) | (value & 0x10) << 1; break;
            case KEYR: unlock(offset, value); break;
            case OPTKEYR: unlockOptions(offset, value); break;
            case SR:
                errors &= ~(value & (SR_PGERR | SR_WRPRTERR));
                eop &= (value & SR_EOP) == 0;
                break;
            case CR: writeControl(value); break;
            case AR: ar = value; break;
            default: break;
        }
    }

    private void unlock(int offset, int value) throws BusFault {
        if ((cr & CR_LOCK) == 0) {
            return; // already unlocked: the write has no effect
        }
        int expected = keysSeen == 0 ? KEY1 : KEY2;
        if (lockedUntilReset || value != expected) {
            lockedUntilReset = true;
            keysSeen = 0;
            throw new BusFault(BASE + offset, "wrong FPEC key: flash controller locked until reset");
        }
        keysSeen++;
        if (keysSeen == 2) {
            keysSeen = 0;
            cr &= ~CR_LOCK;
        }
    }

    private void unlockOptions(int offset, int value) throws BusFault {
        if ((cr & CR_LOCK) != 0) {
            return; // the option keys are only heard with CR unlocked
        }
        int expected = optionKeysSeen == 0 ? KEY1 : KEY2;
        if (value != expected) {
            optionKeysSeen = 0;
            lockedUntilReset = true;
            cr |= CR_LOCK;
            throw new BusFault(BASE + offset, "wrong option-byte key: flash controller locked until reset");
        }
        optionKeysSeen++;
        if (optionKeysSeen == 2) {
            optionKeysSeen = 0;
            cr |= CR_OPTWRE;
        }
    }

    private void writeControl(int value) {
        if ((cr & CR_LOCK) != 0) {
            return; // CR is read-only while locked
        }
        boolean leavingProgramming = (cr & (CR_PG | CR_OPTPG)) != 0 && (value & (CR_PG | CR_OPTPG)) == 0;
        int optwre = (value & CR_OPTWRE) != 0 ? cr & CR_OPTWRE : 0; // software may only clear OPTWRE
        cr = (value & CR_WRITABLE) | optwre;
        if (leavingProgramming) {
            store.saveIfDirty();
        }
        if ((value & CR_LOCK) != 0) {
            cr |= CR_LOCK;
            cr &= ~CR_OPTWRE;
            store.saveIfDirty();
            return;
        }
        if ((value & CR_STRT) != 0 && !busy()) {
            start();
        }
    }

    private void start() {
        if ((cr & CR_PER) != 0) {
            erasePage();
        } else if ((cr & CR_MER) != 0) {
            store.flash.fill(FlashStore.ERASED);
            busyFor(geometry.massEraseNanos());
            store.save();
        } else if ((cr & CR_OPTER) != 0 && (cr & CR_OPTWRE) != 0) {
            store.options.fill(FlashStore.ERASED);
            busyFor(geometry.massEraseNanos());
            store.save();
        }
    }

    private void erasePage() {
        int offset = ar - FlashPort.MAIN_BASE;
        if (Integer.compareUnsigned(offset, geometry.flashBytes()) >= 0) {
            offset = ar; // the address may also be given in the boot alias
        }
        if (Integer.compareUnsigned(offset, geometry.flashBytes()) >= 0) {
            return;
        }
        int page = offset / geometry.pageBytes();
        if (writeProtected(page)) {
            errors |= SR_WRPRTERR;
            return;
        }
        int start = page * geometry.pageBytes();
        store.flash.fill(start, geometry.pageBytes(), FlashStore.ERASED);
        busyFor(geometry.pageEraseNanos());
        store.save();
    }

    private boolean writeProtected(int page) {
        if (readProtected() && page < RDP_PROTECTED_PAGES) {
            return true;
        }
        int bit = Math.min(page / geometry.pagesPerWrpBit(), 31);
        return (wrpr & (1 << bit)) == 0;
    }

    /** A bus store into main flash at {@code offset}: programs with CR.PG, half-words (and words where allowed). */
    void programFlash(int offset, AccessSize size, int value) throws BusFault {
        stallUntilReady();
        if ((cr & CR_PG) == 0) {
            return;
        }
        checkProgramSize(offset, size);
        if (writeProtected(offset / geometry.pageBytes())) {
            errors |= SR_WRPRTERR;
            return;
        }
        for (int i = 0; i < size.bytes(); i += 2) {
            programHalfWord(offset + i, value >>> (8 * i));
        }
    }

    private void checkProgramSize(int offset, AccessSize size) throws BusFault {
        boolean allowed = size == AccessSize.HALFWORD || size == AccessSize.WORD && geometry.wordProgramming();
        if (!allowed || (offset & (size.bytes() - 1)) != 0) {
            throw new BusFault(offset, "flash programs aligned half-words only");
        }
    }

    private void programHalfWord(int offset, int value) {
        int current = store.flash.read(offset, AccessSize.HALFWORD);
        int halfWord = value & 0xFFFF;
        if (current != 0xFFFF && halfWord != 0) {
            errors |= SR_PGERR;
            return;
        }
        store.flash.write(offset, AccessSize.HALFWORD, halfWord);
        busyFor(geometry.programNanos());
        store.markDirty();
    }

    /**
     * A bus store into the option bytes: with OPTPG and OPTWRE, the low byte of a half-word is
     * programmed and the hardware writes its complement into the high byte. Programming RDP to 0xA5
     * while read-out protection is active mass-erases main flash first.
     */
    void programOptionByte(int offset, AccessSize size, int value) throws BusFault {
        stallUntilReady();
        if ((cr & CR_OPTPG) == 0 || (cr & CR_OPTWRE) == 0) {
            return;
        }
        if (size != AccessSize.HALFWORD || (offset & 1) != 0) {
            throw new BusFault(offset, "option bytes take aligned half-word writes only");
        }
        if (store.options.read(offset, AccessSize.HALFWORD) != 0xFFFF) {
            errors |= SR_PGERR;
            return;
        }
        int low = value & 0xFF;
        if (offset == 0 && low == RDP_UNPROTECTED && readProtected()) {
            store.flash.fill(FlashStore.ERASED);
            busyFor(geometry.massEraseNanos());
        }
        store.options.write(offset, AccessSize.HALFWORD, low | (~low & 0xFF) << 8);
        busyFor(geometry.programNanos());
        store.markDirty();
    }
}
