package io.probehost.flash.format.debug;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/** The functions and data objects of an ELF symbol table, by address and by name. */
public final class SymbolTable {

    /** A code or data address expressed as a symbol and an offset into it. */
    public record SymbolOffset(Symbol symbol, long offset) {
        @Override
        public String toString() {
            return offset == 0 ? symbol.name() : symbol.name() + "+0x" + Long.toHexString(offset);
        }
    }

    private final List<Symbol> symbols;
    private final Map<String, Symbol> byName;
    private final Map<Symbol, Long> nextStart;

    public SymbolTable(List<Symbol> symbols) {
        this.symbols = symbols.stream()
                .sorted(Comparator.comparingLong(Symbol::address).thenComparing(s -> !s.global()).thenComparing(Symbol::name))
                .toList();
        BinaryOperator<Symbol> preferGlobal = (a, b) -> !a.global() && b.global() ? b : a;
        this.byName = this.symbols.stream().collect(Collectors.toMap(Symbol::name, s -> s, preferGlobal));
        this.nextStart = impliedEnds(this.symbols);
    }

    public List<Symbol> symbols() {
        return symbols;
    }

    /**
     * The symbol of {@code kind} that covers {@code address}: the one whose {@code [address, address +
     * size)} holds it, a global one first when several do; a symbol of size 0 covers up to the next symbol.
     */
    public Optional<SymbolOffset> lookup(long address, Symbol.Kind kind) {
        Symbol best = null;
        for (Symbol s : symbols) {
            if (s.kind() != kind || s.address() > address) {
                continue;
            }
            boolean covers = s.size() > 0 ? s.contains(address) : nextStart(s) > address;
            if (covers && (best == null || s.address() > best.address() || (s.address() == best.address() && s.size() > 0
                    && best.size() == 0))) {
                best = s;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new SymbolOffset(best, address - best.address()));
    }

    /** The function covering {@code address}. */
    public Optional<SymbolOffset> function(long address) {
        return lookup(address, Symbol.Kind.FUNCTION);
    }

    public Optional<Symbol> symbol(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The start address of {@code name} (Thumb bit cleared), if the table has it. */
    public OptionalLong address(String name) {
        Symbol s = byName.get(name);
        return s == null ? OptionalLong.empty() : OptionalLong.of(s.address());
    }

    private long nextStart(Symbol symbol) {
        return nextStart.getOrDefault(symbol, Long.MAX_VALUE);
    }

    /** For each symbol without a size, the start of the next symbol of its kind at a higher address. */
    private static Map<Symbol, Long> impliedEnds(List<Symbol> sorted) {
        Map<Symbol, Long> ends = new IdentityHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            Symbol s = sorted.get(i);
            for (int j = i + 1; s.size() == 0 && j < sorted.size(); j++) {
                Symbol next = sorted.get(j);
                if (next.kind() == s.kind() && next.address() > s.address()) {
                    ends.put(s, next.address());
                    break;
                }
            }
        }
        return ends;
    }
}
