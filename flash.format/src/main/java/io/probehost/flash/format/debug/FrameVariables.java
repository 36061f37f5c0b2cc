package io.probehost.flash.format.debug;

import java.util.OptionalLong;

/**
 * The values of a function's parameters and locals in one stack frame, for the locations
 * {@link VariableLocation} decodes: on the frame (frame base + offset, the frame base being the CFA
 * or a register), at a register + offset, at a fixed address, or in a register. Values are read
 * little-endian, zero-extended, for sizes 1, 2, 4 and 8.
 */
public final class FrameVariables {

    private FrameVariables() {
    }

    /** Where the variable lives in memory in this frame; empty when it sits in a register or cannot be found. */
    public static OptionalLong address(Variable variable, Function function, StackFrame frame) {
        VariableLocation l = variable.location();
        return switch (l.kind()) {
            case ADDRESS -> OptionalLong.of(l.offset());
            case REGISTER_OFFSET -> plus(frame.registers().get(l.register()), l.offset());
            case FRAME_BASE_OFFSET -> plus(frameBase(function.frameBase(), frame), l.offset());
            default -> OptionalLong.empty();
        };
    }

    /** The variable's value in this frame; empty when its location or size is not one this class reads. */
    public static OptionalLong value(Variable variable, Function function, StackFrame frame, TargetMemory memory) {
        long size = variable.byteSize();
        if (variable.location().kind() == VariableLocation.Kind.REGISTER) {
            OptionalLong register = frame.registers().get(variable.location().register());
            return register.isPresent() && size > 0 && size <= 4 ? OptionalLong.of(register.getAsLong() & mask(size)) : register;
        }
        OptionalLong address = address(variable, function, frame);
        if (address.isEmpty() || !(size == 1 || size == 2 || size == 4 || size == 8)) {
            return OptionalLong.empty();
        }
        long at = address.getAsLong();
        long value = 0;
        for (int i = 0; i < size; i++) {
            long word = memory.read32((at + i) & ~3L);
            value |= ((word >>> (8 * ((at + i) & 3))) & 0xFF) << (8 * i);
        }
        return OptionalLong.of(value);
    }

    private static OptionalLong frameBase(VariableLocation base, StackFrame frame) {
        return switch (base.kind()) {
            case CALL_FRAME_CFA -> frame.cfa();
            case REGISTER -> frame.registers().get(base.register());
            case REGISTER_OFFSET -> plus(frame.registers().get(base.register()), base.offset());
            default -> OptionalLong.empty();
        };
    }

    private static OptionalLong plus(OptionalLong value, long offset) {
        return value.isPresent() ? OptionalLong.of((value.getAsLong() + offset) & 0xFFFF_FFFFL) : value;
    }

    private static long mask(long size) {
        return size >= 8 ? -1L : (1L << (8 * size)) - 1;
    }
}
