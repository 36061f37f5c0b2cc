package io.probehost.flash.format.debug;

/**
 * A parameter or local variable of a function: its name, its type as C spells it ({@code int},
 * {@code const char *}; {@code "?"} when DWARF names none), the type's size in bytes (0 if unknown),
 * where it lives and where it is declared.
 */
public record Variable(String name, boolean parameter, String type, long byteSize, VariableLocation location,
        SourceLocation declaration) {
}
