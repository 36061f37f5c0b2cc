package io.probehost.api.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OptionDescriptorTest {
    enum Mode { HALT, UNDER_RESET }

    @Test
    void numbersTakeHexAndThousandOrMillionSuffixes() {
        var frequency = OptionDescriptor.of("frequency", Long.class, 1_000_000L, "");
        assertEquals(4_000_000L, frequency.convert("4M"));
        assertEquals(400_000L, frequency.convert("400k"));
        assertEquals(256L, frequency.convert("0x100"));
        assertEquals(1_000L, frequency.convert("1_000"));
        assertEquals(7L, frequency.convert(7L));
    }

    @Test
    void booleansTakeTheUsualWords() {
        var flag = OptionDescriptor.of("cmsis_dap.limit_packets", Boolean.class, false, "");
        for (String yes : new String[] {"true", "YES", "on", "1"}) {
            assertEquals(true, flag.convert(yes), yes);
        }
        for (String no : new String[] {"false", "no", "OFF", "0"}) {
            assertEquals(false, flag.convert(no), no);
        }
    }

    @Test
    void enumsMatchIgnoringCaseAndDashes() {
        var mode = OptionDescriptor.of("connect_mode", Mode.class, Mode.HALT, "");
        assertEquals(Mode.UNDER_RESET, mode.convert("under-reset"));
        assertEquals("halt|under_reset", mode.typeName());
    }

    @Test
    void illTypedTextNamesTheOptionAndItsType() {
        var count = OptionDescriptor.of("retries", Integer.class, 3, "");
        assertEquals("option retries takes a int value, not 'many'",
                assertThrows(IllegalArgumentException.class, () -> count.convert("many")).getMessage());
        assertEquals("option retries takes a int value, not '99999999999'",
                assertThrows(IllegalArgumentException.class, () -> count.convert("99999999999")).getMessage());
    }
}
