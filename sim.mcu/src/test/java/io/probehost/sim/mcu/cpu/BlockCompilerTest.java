package io.probehost.sim.mcu.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The routines {@link BlockCompiler} calls from generated code, and which instructions end a block. */
class BlockCompilerTest {

    /** Every instruction with a routine (all 16-bit encodings, 32-bit ones by their first halfword and a spread of second ones). */
    @Test
    void everyRoutineAGeneratedBlockCallsIsAnIntIntMethodOfTheExecutor() throws Exception {
        Set<String> routines = new TreeSet<>();
        for (Profile profile : Profile.values()) {
            DecodedInstructions decoded = new DecodedInstructions(profile == Profile.ARMV7M);
            for (int hw1 = 0; hw1 <= 0xFFFF; hw1++) {
                int[] seconds = DecodedInstructions.thirtyTwoBit(hw1) ? new int[] {0x0000, 0x1234, 0x8F00, 0xB5A5, 0xD000, 0xF7FF} : new int[] {-1};
                for (int hw2 : seconds) {
                    int raw = hw2 < 0 ? hw1 : hw1 | hw2 << 16;
                    String routine = BlockCompiler.routine(decoded.classOf(hw1 * 2, raw), raw);
                    if (routine != null) {
                        routines.add(routine);
                    }
                }
            }
        }
        for (String routine : routines) {
            Method method = ThumbExecutor.class.getDeclaredMethod(routine, int.class, int.class);
            assertEquals(int.class, method.getReturnType(), routine);
        }
        assertTrue(routines.size() > 30, routines.toString());
    }

    @Test
    void branchesEndABlockAndStraightLineInstructionsDoNot() {
        assertTrue(BlockCompiler.endsBlock(DecodedInstructions.CONDITIONAL_BRANCH, 0xD1F6)); // BNE
        assertTrue(BlockCompiler.endsBlock(DecodedInstructions.SPECIAL_DATA_BRANCH_EXCHANGE, 0x4770)); // BX LR
        assertTrue(BlockCompiler.endsBlock(DecodedInstructions.SPECIAL_DATA_BRANCH_EXCHANGE, 0x4687)); // MOV PC, r0
        assertTrue(BlockCompiler.endsBlock(DecodedInstructions.POP, 0xBD10)); // POP {r4, pc}
        assertTrue(BlockCompiler.endsBlock(DecodedInstructions.LOAD_STORE_32, 0xF000_F8DF | 0)); // LDR.W pc, [pc]
        assertFalse(BlockCompiler.endsBlock(DecodedInstructions.POP, 0xBC10)); // POP {r4}
        assertFalse(BlockCompiler.endsBlock(DecodedInstructions.SPECIAL_DATA_BRANCH_EXCHANGE, 0x4680)); // MOV r8, r0
        assertFalse(BlockCompiler.endsBlock(DecodedInstructions.LOAD_STORE_32, 0x4004_F8D3)); // LDR.W r4, [r3, #4]
    }

    @Test
    void instructionsThatChangeMoreThanThePcRunAsStepsOfTheirOwn() {
        assertEquals(null, BlockCompiler.routine(DecodedInstructions.MISCELLANEOUS, 0xBF18)); // IT NE
        assertEquals(null, BlockCompiler.routine(DecodedInstructions.MISCELLANEOUS, 0xB672)); // CPSID i
        assertEquals(null, BlockCompiler.routine(DecodedInstructions.MISCELLANEOUS, 0xBE00)); // BKPT
        assertEquals(null, BlockCompiler.routine(DecodedInstructions.MISCELLANEOUS, 0xBF30)); // WFI
        assertEquals(null, BlockCompiler.routine(DecodedInstructions.UNDEFINED_OR_SVC, 0xDF00)); // SVC
        assertEquals(null, BlockCompiler.routine(DecodedInstructions.BRANCH_OR_CONTROL, 0x8808_F380)); // MSR
        assertEquals("miscellaneous", BlockCompiler.routine(DecodedInstructions.MISCELLANEOUS, 0xB082)); // SUB SP, #8
    }
}
