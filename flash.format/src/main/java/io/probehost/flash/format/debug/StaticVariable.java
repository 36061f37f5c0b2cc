package io.probehost.flash.format.debug;

/**
 * A variable at a fixed address ({@code DW_OP_addr}) anywhere in {@code .debug_info}: at file scope,
 * a function's {@code static} local, or inside namespaces. {@code scope} names where it is declared:
 * the function (for a local), the namespaces joined by {@code ::}, or empty at file scope;
 * {@code linkageName} is the symbol name when DWARF gives one that differs from {@code name}, else empty.
 */
public record StaticVariable(String name, String linkageName, long address, String scope, SourceLocation declaration) {
}
