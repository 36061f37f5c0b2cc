package io.probehost.defmt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.probehost.defmt.DefmtException;
import io.probehost.defmt.internal.FormatString.Literal;
import io.probehost.defmt.internal.FormatString.Parameter;

class FormatStringTest {

    @Test
    void splitsLiteralsAndParametersWithImplicitIndices() {
        FormatString f = FormatString.parse("t = {=i16} C, {:x} and {}");
        assertEquals(List.of(new Literal("t = "), new Parameter(0, "i16", ""), new Literal(" C, "),
                new Parameter(1, "?", "x"), new Literal(" and "), new Parameter(2, "?", "")), f.fragments());
    }

    @Test
    void doubledBracesAreLiteral() {
        FormatString f = FormatString.parse("Foo {{ x: {=u8:?} }}");
        assertEquals(List.of(new Literal("Foo { x: "), new Parameter(0, "u8", "?"), new Literal(" }")), f.fragments());
    }

    @Test
    void explicitIndicesAreReadOnceAndBitfieldsOfOneArgumentMerge() {
        FormatString f = FormatString.parse("{0=0..4} {0=8..12:b} {1=[u8; 3]} {1=[u8; 3]:x}");
        assertEquals(List.of(new Parameter(0, "0..12", ""), new Parameter(1, "[u8; 3]", "")), f.arguments());
    }

    @Test
    void anOpenBraceWithoutCloseIsAnError() {
        DefmtException e = assertThrows(DefmtException.class, () -> FormatString.parse("x {=u8"));
        assertEquals("format string 'x {=u8': '{' without '}'", e.getMessage());
    }
}
