package io.probehost.sim.probe.stlink;

import static io.probehost.sim.probe.stlink.Answers.answer;
import static io.probehost.sim.probe.stlink.Answers.status;
import static io.probehost.sim.probe.stlink.Answers.valueAnswer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import io.probehost.sim.adi.SwjPins;

/**
 * The ST-Link firmware's command interpreter: one 16-byte command block in, its answer out (or none),
 * a WRITEMEM block announcing a data phase that the next OUT transfer carries. Commands the configured
 * firmware version does not have answer UNKNOWN_COMMAND (0x42) in a 2-byte status.
 *
 * <p>Connecting (APIV2_ENTER) clocks the SWJ switch sequence, reads the DPIDR (SWD) or the TAP's
 * IDCODE (JTAG), clears sticky errors and powers up the debug domain. Core commands go through the
 * DHCSR/DCRSR/DCRDR debug registers on AP 0; STM32-only firmware checks the target first
 * ({@link Stm32Rule}).
 */
final class StlinkFirmware {
    static final int MODE_DFU = 0;
    static final int MODE_MASS = 1;
    static final int MODE_DEBUG = 2;

    private static final int ENTER_SWD = 0xA3;
    private static final int ENTER_JTAG = 0xA4;
    private static final int ENTER_JTAG_RESET = 0x00;
    private static final int DHCSR = 0xE000_EDF0;
    private static final int DCRSR = 0xE000_EDF4;
    private static final int DCRDR = 0xE000_EDF8;
    private static final int AIRCR = 0xE000_ED0C;
    private static final int DBGKEY = 0xA05F_0000;
    private static final int S_REGRDY = 1 << 16;
    private static final int S_HALT = 1 << 17;

    private final StlinkConfig config;
    private final SwdMaster swdMaster;
    private final JtagMaster jtagMaster;
    private DapMaster dap;
    private MemoryAccess memory;
    private final Set<Integer> initialisedAps = new HashSet<>();
    private int mode = MODE_MASS;
    private boolean connected;
    private Boolean stm32Seen;
    private int swdKhz;
    private int jtagKhz;
    private MemoryBlock pendingWrite;
    private boolean pendingWriteRefused;

    StlinkFirmware(StlinkConfig config, SwjPins pins, StlinkLink link) {
        this.config = config;
        this.swdKhz = config.model().isV3() ? ClockTables.V3_SWD_KHZ.get(0) : ClockTables.V2_SWD_DEFAULT_KHZ;
        this.jtagKhz = config.model().isV3() ? ClockTables.V3_JTAG_KHZ.get(0) : ClockTables.V2_JTAG_DEFAULT_KHZ;
        this.swdMaster = new SwdMaster(pins, link, swdKhz * 1000L);
        this.jtagMaster = new JtagMaster(pins, link, jtagKhz * 1000L);
        this.dap = swdMaster;
        this.memory = new MemoryAccess(dap);
    }

    /** The protocol the probe entered: true for JTAG. */
    boolean jtag() {
        return dap == jtagMaster;
    }

    int mode() {
        return mode;
    }

    int swdKhz() {
        return swdKhz;
    }

    int jtagKhz() {
        return jtagKhz;
    }

    /** The announced length of the data phase the next OUT transfer must carry, or 0. */
    int pendingDataLength() {
        return pendingWrite == null ? 0 : pendingWrite.length();
    }

    /** The data phase of the last WRITEMEM block. */
    void data(byte[] data) {
        MemoryBlock w = pendingWrite;
        pendingWrite = null;
        if (w == null || pendingWriteRefused) {
            return; // a refused block: its data phase is swallowed, the status is already set
        }
        if (!apUsable(w.ap())) {
            memory.setResult(apRefusal(w.ap()), w.address());
            return;
        }
        memory.write(w.ap(), w.cswHigh(), w.address(), w.unitSize(), w.increments(), Arrays.copyOf(data, w.length()));
    }

    /** Executes a command block; returns the answer, or null for commands without an IN phase. */
    byte[] execute(byte[] block) {
        byte[] cmd = Arrays.copyOf(block, 16);
        switch (cmd[0] & 0xFF) {
            case 0xF1:
                return Answers.version(config);
            case 0xFB:
                return config.model().isV3() ? Answers.versionEx(config) : status(StlinkStatus.UNKNOWN_COMMAND);
            case 0xF5:
                return new byte[] {(byte) mode, 0};
            case 0xF7:
                return Answers.targetVoltage(config);
            case 0xF3:
                if ((cmd[1] & 0xFF) == 0x07 && mode == MODE_DFU) {
                    mode = MODE_MASS;
                }
                return null;
            case 0xF4:
                return null; // SWIM: not modelled; SWIM_EXIT leaves the probe as it is
            case 0xF2:
                return debug(cmd);
            default:
                return status(StlinkStatus.UNKNOWN_COMMAND);
        }
    }

    private byte[] debug(byte[] cmd) {
        ByteBuffer in = ByteBuffer.wrap(cmd).order(ByteOrder.LITTLE_ENDIAN);
        int sub = cmd[1] & 0xFF;
        switch (sub) {
            case 0x21:
                leaveDebug();
                return null;
            case 0x30:
                return status(enter(cmd[2] & 0xFF));
            case 0x01:
                return coreStatus();
            case 0x02:
                return status(writeWord(DHCSR, DBGKEY | 0x3));
            case 0x09:
                return status(writeWord(DHCSR, DBGKEY | 0x1));
            case 0x0A:
                return status(writeWord(DHCSR, DBGKEY | 0xD));
            case 0x32:
                return status(writeWord(AIRCR, 0x05FA_0004));
            case 0x31:
                return readIdcodes();
            case 0x33:
                return readRegister(cmd[2] & 0xFF);
            case 0x34:
                return status(writeRegister(cmd[2] & 0xFF, in.getInt(3)));
            case 0x35:
                return status(writeWord(in.getInt(2), in.getInt(6)));
            case 0x36:
                return readDebugRegister(in.getInt(2));
            case 0x3A:
                return readAllRegisters();
            case 0x3C:
                return status(driveReset(cmd[2] & 0xFF));
            case 0x3B:
                return status(memory.lastStatus);
            case 0x3E:
                return config.has(15, 0) ? answer(12).putShort((short) memory.lastStatus).putShort((short) 0)
                        .putInt(memory.faultAddress).array() : status(StlinkStatus.UNKNOWN_COMMAND);
            case 0x43:
                return config.model().isV3() || !config.has(22, 0) ? status(StlinkStatus.UNKNOWN_COMMAND)
                        : status(setSwdDivisor(in.getShort(2) & 0xFFFF));
            case 0x44:
                return config.model().isV3() || !config.has(24, 0) ? status(StlinkStatus.UNKNOWN_COMMAND)
                        : status(setJtagDivisor(in.getShort(2) & 0xFFFF));
            case 0x45:
                return config.has(24, 0) ? readDapRegister(in.getShort(2) & 0xFFFF, in.getShort(4) & 0xFFFF)
                        : status(StlinkStatus.UNKNOWN_COMMAND);
            case 0x46:
                return config.has(24, 0)
                        ? status(writeDapRegister(in.getShort(2) & 0xFFFF, in.getShort(4) & 0xFFFF, in.getInt(6)))
                        : status(StlinkStatus.UNKNOWN_COMMAND);
            case 0x4B:
                return config.has(28, 0) ? status(initAp(cmd[2] & 0xFF)) : status(StlinkStatus.UNKNOWN_COMMAND);
            case 0x4C:
                if (!config.has(28, 0)) {
                    return status(StlinkStatus.UNKNOWN_COMMAND);
                }
                initialisedAps.remove(cmd[2] & 0xFF);
                return status(StlinkStatus.OK);
            case 0x56:
                return config.has(36, 6) ? Answers.boardIdentifiers(config) : status(StlinkStatus.UNKNOWN_COMMAND);
            case 0x61:
                return config.model().isV3() ? setComFreq(cmd[2] != 0, in.getInt(4))
                        : status(StlinkStatus.UNKNOWN_COMMAND);
            case 0x62:
                return config.model().isV3() ? getComFreq(cmd[2] != 0) : status(StlinkStatus.UNKNOWN_COMMAND);
            case 0x63:
                return config.model().isV3() ? answer(8).put((byte) StlinkStatus.CONF_CHANGED).array()
                        : status(StlinkStatus.UNKNOWN_COMMAND);
            default:
                if (MemoryBlock.isRead(sub)) {
                    return readMemory(cmd);
                }
                if (MemoryBlock.isWrite(sub)) {
                    writeMemory(cmd);
                    return null;
                }
                return status(StlinkStatus.UNKNOWN_COMMAND);
        }
    }

    // ---- mode and connection ----

    /** APIV2_ENTER: 0xA3 SWD, 0xA4 JTAG, 0x00 JTAG with nRESET held low while connecting. */
    private int enter(int how) {
        if (how != ENTER_SWD && how != ENTER_JTAG && how != ENTER_JTAG_RESET) {
            return StlinkStatus.CMD_ERROR;
        }
        mode = MODE_DEBUG;
        connected = false;
        stm32Seen = null;
        initialisedAps.clear();
        dap = how == ENTER_SWD ? swdMaster : jtagMaster;
        memory = new MemoryAccess(dap);
        if (how == ENTER_JTAG_RESET) {
            dap.pins().setResetAsserted(true);
        }
        int status = powerUp();
        if (how == ENTER_JTAG_RESET) {
            dap.pins().setResetAsserted(false);
        }
        return status;
    }

    private int powerUp() {
        dap.connect();
        if (dap.readIdcode() != StlinkStatus.OK) {
            return StlinkStatus.GET_IDCODE_ERROR;
        }
        int status = dap.clearStickyErrors();
        if (status == StlinkStatus.OK) {
            status = dap.writeDp(DapMaster.DP_CTRL_STAT, 0x5000_0000);
        }
        for (int i = 0; status == StlinkStatus.OK && i < 100; i++) {
            status = dap.readDp(DapMaster.DP_CTRL_STAT);
            if ((dap.value & 0xA000_0000) == 0xA000_0000) {
                connected = true;
                return StlinkStatus.OK;
            }
        }
        return status == StlinkStatus.OK ? StlinkStatus.DBG_POWER_ERROR : status;
    }

    private void leaveDebug() {
        mode = MODE_MASS;
        connected = false;
        initialisedAps.clear();
    }

    /** AP 0 is always usable (after the STM32 check); others after INIT_AP on firmware that has it. */
    private boolean apUsable(int ap) {
        if (!connected || !isStm32()) {
            return false;
        }
        return ap == 0 || !config.has(28, 0) || initialisedAps.contains(ap);
    }

    private int apRefusal(int ap) {
        return connected ? StlinkStatus.BAD_AP : StlinkStatus.NO_DEVICE_CONNECTED;
    }

    private boolean isStm32() {
        if (!config.stm32Only()) {
            return true;
        }
        if (stm32Seen == null) {
            stm32Seen = Stm32Rule.accepts(memory, dap);
        }
        return stm32Seen;
    }

    private int initAp(int ap) {
        if (!connected || !isStm32()) {
            return apRefusal(ap);
        }
        int status = dap.readAp(ap, 0xFC);
        if (status == StlinkStatus.OK && dap.value == 0) {
            return StlinkStatus.BAD_AP;
        }
        if (status == StlinkStatus.OK) {
            initialisedAps.add(ap);
        }
        return status;
    }

    // ---- DAP registers ----

    private byte[] readDapRegister(int port, int address) {
        int status;
        if (port == 0xFFFF) {
            status = connected ? selectDpBank(address) : StlinkStatus.NO_DEVICE_CONNECTED;
            if (status == StlinkStatus.OK) {
                status = dap.readDp(address & 0xC);
            }
        } else {
            status = apUsable(port) ? dap.readAp(port, address) : apRefusal(port);
        }
        return valueAnswer(status, dap.value);
    }

    private int writeDapRegister(int port, int address, int value) {
        if (port == 0xFFFF) {
            int status = connected ? selectDpBank(address) : StlinkStatus.NO_DEVICE_CONNECTED;
            return status == StlinkStatus.OK ? dap.writeDp(address & 0xC, value) : status;
        }
        return apUsable(port) ? dap.writeAp(port, address, value) : apRefusal(port);
    }

    /** Banked DP registers ((bank << 4) | address) from V2J32 / V3J2; older firmware ignore the bank. */
    private int selectDpBank(int address) {
        if ((address & 0xF) != 0x4 || !config.has(32, 2)) {
            return StlinkStatus.OK;
        }
        return dap.selectDpBank((address >>> 4) & 0xF);
    }

    private byte[] readIdcodes() {
        int status = connected ? dap.readIdcode() : StlinkStatus.NO_DEVICE_CONNECTED;
        return answer(12).put((byte) status).position(4).putInt(status == StlinkStatus.OK ? dap.value : 0).array();
    }

    // ---- core ----

    private int writeWord(int address, int value) {
        if (!apUsable(0)) {
            return apRefusal(0);
        }
        memory.write(0, 0, address, 4, true, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value)
                .array());
        return memory.lastStatus;
    }

    private int readWord(int address) {
        if (!apUsable(0)) {
            return apRefusal(0);
        }
        byte[] word = new byte[4];
        memory.read(0, 0, address, 4, true, word);
        dap.value = ByteBuffer.wrap(word).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return memory.lastStatus;
    }

    private byte[] readDebugRegister(int address) {
        int status = readWord(address);
        return valueAnswer(status, dap.value);
    }

    private byte[] coreStatus() {
        int status = readWord(DHCSR);
        if (status != StlinkStatus.OK) {
            return status(status);
        }
        return status((dap.value & S_HALT) != 0 ? StlinkStatus.CORE_HALTED : StlinkStatus.CORE_RUNNING);
    }

    private byte[] readRegister(int selector) {
        int status = coreRegister(selector);
        return valueAnswer(status, dap.value);
    }

    private int coreRegister(int selector) {
        int status = writeWord(DCRSR, selector & 0x7F);
        if (status != StlinkStatus.OK) {
            return status;
        }
        status = awaitRegisterReady();
        return status == StlinkStatus.OK ? readWord(DCRDR) : status;
    }

    private int writeRegister(int selector, int value) {
        int status = writeWord(DCRDR, value);
        if (status == StlinkStatus.OK) {
            status = writeWord(DCRSR, 1 << 16 | (selector & 0x7F));
        }
        return status == StlinkStatus.OK ? awaitRegisterReady() : status;
    }

    private int awaitRegisterReady() {
        for (int i = 0; i < 10; i++) {
            int status = readWord(DHCSR);
            if (status != StlinkStatus.OK) {
                return status;
            }
            if ((dap.value & S_REGRDY) != 0) {
                return StlinkStatus.OK;
            }
        }
        return StlinkStatus.FAULT;
    }

    /** R0-R15, xPSR, MSP, PSP, a reserved slot and CONTROL/FAULTMASK/BASEPRI/PRIMASK (selectors 0-20). */
    private byte[] readAllRegisters() {
        ByteBuffer out = answer(88);
        int status = StlinkStatus.OK;
        for (int selector = 0; selector <= 20 && status == StlinkStatus.OK; selector++) {
            if (selector == 19) {
                out.putInt(4 + selector * 4, 0);
                continue;
            }
            status = coreRegister(selector);
            out.putInt(4 + selector * 4, status == StlinkStatus.OK ? dap.value : 0);
        }
        out.put(0, (byte) status);
        return out.array();
    }

    private int driveReset(int how) {
        switch (how) {
            case 0:
                dap.pins().setResetAsserted(true);
                return StlinkStatus.OK;
            case 1:
                dap.pins().setResetAsserted(false);
                return StlinkStatus.OK;
            case 2:
                dap.pins().setResetAsserted(true);
                dap.pins().setResetAsserted(false);
                return StlinkStatus.OK;
            default:
                return StlinkStatus.CMD_ERROR;
        }
    }

    // ---- memory ----

    private byte[] readMemory(byte[] cmd) {
        MemoryBlock block = MemoryBlock.parse(cmd, config);
        byte[] data = new byte[block.length()];
        int status = block.check(config);
        if (status == StlinkStatus.OK && !apUsable(block.ap())) {
            status = apRefusal(block.ap());
        }
        if (status == StlinkStatus.OK) {
            memory.read(block.ap(), block.cswHigh(), block.address(), block.unitSize(), block.increments(), data);
        } else {
            memory.setResult(status, block.address());
        }
        return block.length() == 1 ? new byte[] {data[0], 0} : data;
    }

    /** Checks the block now (the status is ready for GETLASTRWSTATUS2); the data phase comes next. */
    private void writeMemory(byte[] cmd) {
        MemoryBlock block = MemoryBlock.parse(cmd, config);
        int status = block.check(config);
        pendingWrite = block.length() == 0 ? null : block;
        pendingWriteRefused = status != StlinkStatus.OK;
        if (pendingWriteRefused) {
            memory.setResult(status, block.address());
        }
    }

    // ---- clocks ----

    private int setSwdDivisor(int divisor) {
        swdKhz = ClockTables.v2SwdKhz(divisor);
        swdMaster.setClockHz(swdKhz * 1000L);
        return StlinkStatus.OK;
    }

    private int setJtagDivisor(int divisor) {
        int khz = ClockTables.v2JtagKhz(divisor);
        if (khz < 0) {
            return StlinkStatus.FREQ_NOT_SUPPORTED;
        }
        jtagKhz = khz;
        jtagMaster.setClockHz(khz * 1000L);
        return StlinkStatus.OK;
    }

    private byte[] setComFreq(boolean jtag, int requestedKhz) {
        int khz = ClockTables.v3Pick(jtag ? ClockTables.V3_JTAG_KHZ : ClockTables.V3_SWD_KHZ, requestedKhz);
        if (jtag) {
            jtagKhz = khz;
            jtagMaster.setClockHz(khz * 1000L);
        } else {
            swdKhz = khz;
            swdMaster.setClockHz(khz * 1000L);
        }
        return valueAnswer(StlinkStatus.OK, khz);
    }

    private byte[] getComFreq(boolean jtag) {
        var list = jtag ? ClockTables.V3_JTAG_KHZ : ClockTables.V3_SWD_KHZ;
        ByteBuffer out = answer(52).put((byte) StlinkStatus.OK).position(4).putInt(jtag ? jtagKhz : swdKhz)
                .putInt(list.size());
        list.forEach(out::putInt);
        return out.array();
    }
}
