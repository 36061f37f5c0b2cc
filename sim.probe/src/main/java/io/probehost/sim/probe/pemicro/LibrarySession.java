package io.probehost.sim.probe.pemicro;

import java.util.List;

/**
 * What the library does for one process that loaded it: one current port, opened by identifier or by
 * index, and each forwarded call executed on it. Port numbers run from 1; every port type lists the
 * same Multilinks (the lab's are all USB Multilinks, and autodetect, 99, finds them all).
 */
final class LibrarySession {
    static final int FEATURE_POWER_OPTIONS = 0x3800_0001;
    static final int FEATURE_POWER_ON = 0x3800_0011;
    static final int FEATURE_POWER_OFF = 0x3800_0012;
    static final int FEATURE_COMM_MODE = 0x4400_0001;
    static final int FEATURE_ENABLE_DEBUG_MODULE = 0x4400_0002;
    static final int FEATURE_WRITE_AP = 0x4400_0003;
    static final int FEATURE_READ_AP = 0x4400_0004;
    static final int FEATURE_FLUSH = 0x4400_0005;
    static final int FEATURE_LAST_SWD_STATUS = 0x4400_0006;
    static final int FEATURE_WRITE_DP = 0x4400_0007;
    static final int FEATURE_READ_DP = 0x4400_0008;
    static final int FEATURE_DEVICE_LIST = 0x5800_4000;
    static final int FEATURE_SELECT_DEVICE = 0x5800_4001;
    static final int FEATURE_APPLICATION_FILES = 0x5800_6000;

    private final List<PeMultilink> probes;
    private PeMultilink current;

    LibrarySession(List<PeMultilink> probes) {
        this.probes = probes;
    }

    /** Executes one request line and returns the answer line. */
    String execute(String line) {
        String function = LibraryCall.functionOf(line);
        return switch (function) {
            case "reenumerate_all_port_types" -> LibraryCall.answer(true);
            case "get_enumerated_number_of_ports" -> LibraryCall.answer(probes.size(), 0);
            case "get_port_descriptor_short", "get_port_descriptor" -> descriptor(LibraryCall.parse(line, 2));
            case "open_port_by_identifier" -> LibraryCall.answer(openByIdentifier(LibraryCall.parse(line, 0).rest()));
            case "open_port" -> LibraryCall.answer(open(port(LibraryCall.parse(line, 2).integer(1))));
            case "close_port" -> {
                closePort();
                yield LibraryCall.answer(0, 0);
            }
            case "probehost_standin_control" -> LibraryCall.answer(control(LibraryCall.parse(line, 0).rest()), 0);
            default -> current == null ? withoutPort(function) : onPort(function, line);
        };
    }

    /**
     * The stand-in's test hook, on the current port (or port 1): {@code fail <function>},
     * {@code swd_status <n>}, {@code critical <bits>}, {@code mem_result <n>}; answers 1 when understood.
     */
    private int control(String command) {
        PeMultilink probe = current != null ? current : port(1);
        String[] words = command.split(" ");
        if (probe == null || words.length != 2) {
            return 0;
        }
        PeMultilink.Faults faults = probe.faults();
        switch (words[0]) {
            case "fail" -> faults.failNext(words[1]);
            case "swd_status" -> faults.swdStatusNext(Integer.parseInt(words[1]));
            case "critical" -> faults.criticalError(Integer.parseInt(words[1]));
            case "mem_result" -> faults.memResultNext(Integer.parseInt(words[1]));
            default -> {
                return 0;
            }
        }
        return 1;
    }

    /** The session ends (the process unloaded the library or died): its port closes. */
    void closePort() {
        if (current != null) {
            current.close(this);
            current = null;
        }
    }

    private String descriptor(LibraryCall call) {
        PeMultilink probe = port(call.integer(1));
        if (probe == null) {
            return LibraryCall.answer(0, 0, "");
        }
        return LibraryCall.answer(1, 0, call.function().endsWith("short") ? probe.serial() : probe.description());
    }

    private PeMultilink port(int index) {
        return index >= 1 && index <= probes.size() ? probes.get(index - 1) : null;
    }

    private boolean openByIdentifier(String identifier) {
        for (PeMultilink probe : probes) {
            if (probe.serial().equals(identifier)) {
                return open(probe);
            }
        }
        return identifier.equals("USB1") && !probes.isEmpty() && open(probes.get(0));
    }

    private boolean open(PeMultilink probe) {
        if (probe == null) {
            return false;
        }
        closePort();
        if (!probe.open(this)) {
            return false;
        }
        current = probe;
        return true;
    }

    private String withoutPort(String function) {
        return switch (function) {
            case "check_critical_error" -> LibraryCall.answer(0, 0);
            case "pe_special_features" -> LibraryCall.answer(false);
            case "read_8bit_value", "read_16bit_value", "read_32bit_value", "write_8bit_value",
                    "write_16bit_value", "write_32bit_value" -> LibraryCall.answer(0, MemResult.UNINITIALISED.code());
            default -> LibraryCall.answer(0, 0);
        };
    }

    private String onPort(String function, String line) {
        PeMultilink probe = current;
        return switch (function) {
            case "reset_hardware_interface" -> {
                probe.resetHardwareInterface();
                yield LibraryCall.answer(0, 0);
            }
            case "check_critical_error" -> LibraryCall.answer(probe.checkCriticalError(), 0);
            case "set_debug_shift_frequency" -> {
                probe.setShiftFrequency(LibraryCall.parse(line, 1).integer(0));
                yield LibraryCall.answer(0, 0);
            }
            case "set_reset_delay_in_ms" -> {
                probe.setResetDelayMillis(LibraryCall.parse(line, 1).integer(0));
                yield LibraryCall.answer(0, 0);
            }
            case "set_reset_pin_state" -> {
                probe.setResetPin(LibraryCall.parse(line, 1).integer(0));
                yield LibraryCall.answer(0, 0);
            }
            case "target_reset" -> LibraryCall.answer(!probe.faults().takeFailure(function) && probe.resetTarget());
            case "target_halt" -> LibraryCall.answer(probe.halt());
            case "target_resume" -> LibraryCall.answer(probe.resume());
            case "target_step" -> LibraryCall.answer(probe.step());
            case "target_check_if_halted" -> LibraryCall.answer(probe.isHalted());
            case "read_8bit_value" -> readValue(probe, LibraryCall.parse(line, 1), 1);
            case "read_16bit_value" -> readValue(probe, LibraryCall.parse(line, 1), 2);
            case "read_32bit_value" -> readValue(probe, LibraryCall.parse(line, 1), 4);
            case "write_8bit_value" -> writeValue(probe, LibraryCall.parse(line, 2), 1);
            case "write_16bit_value" -> writeValue(probe, LibraryCall.parse(line, 2), 2);
            case "write_32bit_value" -> writeValue(probe, LibraryCall.parse(line, 2), 4);
            case "get_block" -> getBlock(probe, LibraryCall.parse(line, 3));
            case "put_block" -> putBlock(probe, LibraryCall.parse(line, 3));
            case "get_mcu_register" -> {
                Integer value = probe.readRegister(LibraryCall.parse(line, 1).integer(0));
                yield value == null ? LibraryCall.answer(false) : LibraryCall.answer(1, value);
            }
            case "set_mcu_register" -> {
                LibraryCall call = LibraryCall.parse(line, 2);
                yield LibraryCall.answer(probe.writeRegister(call.integer(0), call.integer(1)));
            }
            case "pe_special_features" -> feature(probe, LibraryCall.parse(line, 5));
            default -> LibraryCall.answer(0, 0);
        };
    }

    private static String readValue(PeMultilink probe, LibraryCall call, int size) {
        byte[] data = new byte[size];
        MemResult result = probe.read(call.address(0), size, data);
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = value << 8 | (data[i] & 0xFF);
        }
        return LibraryCall.answer(result == MemResult.OK ? value : 0, result.code());
    }

    private static String writeValue(PeMultilink probe, LibraryCall call, int size) {
        long value = call.numbers()[1];
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (value >>> 8 * i);
        }
        return LibraryCall.answer(0, probe.write(call.address(0), size, data).code());
    }

    private static String getBlock(PeMultilink probe, LibraryCall call) {
        byte[] data = new byte[call.integer(1)];
        MemResult result = probe.faults().takeFailure("get_block") ? MemResult.BUS_ERROR
                : probe.read(call.address(0), call.integer(2), data);
        return LibraryCall.answer(result == MemResult.OK ? 1 : 0, result.code(), LibraryCall.hex(data));
    }

    private static String putBlock(PeMultilink probe, LibraryCall call) {
        byte[] data = call.hexData();
        if (data.length != call.integer(1)) {
            return LibraryCall.answer(0, MemResult.UNIMPLEMENTED.code());
        }
        MemResult result = probe.faults().takeFailure("put_block") ? MemResult.BUS_ERROR
                : probe.write(call.address(0), call.integer(2), data);
        return LibraryCall.answer(result == MemResult.OK ? 1 : 0, result.code());
    }

    /** {@code pe_special_features feature set p1 p2 p3 [text of ref1]}; the answer's out value is what ref1 receives. */
    private static String feature(PeMultilink probe, LibraryCall call) {
        int p1 = call.integer(2);
        int p2 = call.integer(3);
        int p3 = call.integer(4);
        return switch (call.integer(0)) {
            case FEATURE_POWER_OPTIONS, FEATURE_POWER_ON, FEATURE_POWER_OFF, FEATURE_FLUSH,
                    FEATURE_APPLICATION_FILES -> LibraryCall.answer(true);
            case FEATURE_COMM_MODE -> LibraryCall.answer(probe.setCommMode(p1));
            case FEATURE_ENABLE_DEBUG_MODULE -> LibraryCall.answer(probe.enableDebugModule());
            case FEATURE_WRITE_AP -> {
                probe.writeAp(p1, p2, p3);
                yield LibraryCall.answer(true);
            }
            case FEATURE_WRITE_DP -> {
                probe.writeDp(p1, p2);
                yield LibraryCall.answer(true);
            }
            case FEATURE_READ_AP -> valueAnswer(probe.readAp(p1, p2));
            case FEATURE_READ_DP -> valueAnswer(probe.readDp(p1));
            case FEATURE_LAST_SWD_STATUS -> LibraryCall.answer(1, probe.lastSwdStatus());
            case FEATURE_DEVICE_LIST -> LibraryCall.answer(1, 0, probe.deviceList());
            case FEATURE_SELECT_DEVICE -> {
                probe.selectDevice(call.rest());
                yield LibraryCall.answer(true);
            }
            default -> LibraryCall.answer(false);
        };
    }

    /** A register read answers true even when the access failed: the caller reads the SWD status. */
    private static String valueAnswer(Integer value) {
        return LibraryCall.answer(1, value == null ? 0 : value);
    }
}
