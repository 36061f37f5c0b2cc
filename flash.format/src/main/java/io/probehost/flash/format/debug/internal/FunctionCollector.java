package io.probehost.flash.format.debug.internal;

import java.util.ArrayList;
import java.util.List;

import io.probehost.flash.format.debug.AddressRange;
import io.probehost.flash.format.debug.Function;
import io.probehost.flash.format.debug.InlinedCall;
import io.probehost.flash.format.debug.SourceLocation;
import io.probehost.flash.format.debug.StaticVariable;
import io.probehost.flash.format.debug.Variable;
import io.probehost.flash.format.debug.VariableLocation;
import io.probehost.flash.format.debug.internal.DebugInfoReader.Die;
import io.probehost.flash.format.debug.internal.DebugInfoReader.Unit;
import io.probehost.flash.format.debug.internal.LineProgramReader.LineProgram;

/** Turns the {@code DW_TAG_subprogram} entries of a unit that have code into {@link Function}s. */
public final class FunctionCollector {

    private static final int DW_TAG_FORMAL_PARAMETER = 0x05;
    private static final int DW_TAG_LEXICAL_BLOCK = 0x0b;
    private static final int DW_TAG_POINTER_TYPE = 0x0f;
    private static final int DW_TAG_CONST_TYPE = 0x26;
    private static final int DW_TAG_VOLATILE_TYPE = 0x35;
    private static final int DW_TAG_SUBPROGRAM = 0x2e;
    private static final int DW_TAG_VARIABLE = 0x34;
    private static final int DW_AT_LOCATION = 0x02;
    private static final int DW_AT_NAME = 0x03;
    private static final int DW_AT_BYTE_SIZE = 0x0b;
    private static final int DW_AT_LOW_PC = 0x11;
    private static final int DW_AT_HIGH_PC = 0x12;
    private static final int DW_AT_ABSTRACT_ORIGIN = 0x31;
    private static final int DW_AT_DECL_FILE = 0x3a;
    private static final int DW_AT_DECL_LINE = 0x3b;
    private static final int DW_AT_FRAME_BASE = 0x40;
    private static final int DW_AT_SPECIFICATION = 0x47;
    private static final int DW_AT_TYPE = 0x49;
    private static final int DW_AT_LINKAGE_NAME = 0x6e;
    private static final int DEPTH_LIMIT = 16;

    private static final int DW_TAG_INLINED_SUBROUTINE = 0x1d;
    private static final int DW_TAG_NAMESPACE = 0x39;
    private static final int DW_AT_RANGES = 0x55;
    private static final int DW_AT_CALL_FILE = 0x58;
    private static final int DW_AT_CALL_LINE = 0x59;

    private final Unit unit;
    private final LineProgram lines;
    private final RangeListReader ranges;

    /**
     * @param lines the unit's line program, for its file names; null when the unit has none
     * @param ranges the reader for {@code DW_AT_ranges} of inlined calls
     */
    public FunctionCollector(Unit unit, LineProgram lines, RangeListReader ranges) {
        this.unit = unit;
        this.lines = lines;
        this.ranges = ranges;
    }

    public List<Function> functions() {
        List<Function> functions = new ArrayList<>();
        collect(unit.root(), functions);
        return functions;
    }

    private void collect(Die die, List<Function> out) {
        for (Die child : die.children()) {
            if (child.tag() == DW_TAG_SUBPROGRAM) {
                Long low = child.number(DW_AT_LOW_PC);
                Long high = child.number(DW_AT_HIGH_PC);
                Long length = child.number(DebugInfoReader.DW_AT_HIGH_PC_OFFSET);
                if (low != null && (high != null || length != null)) {
                    long end = high != null ? high : low + length;
                    List<Variable> variables = new ArrayList<>();
                    variables(child, variables);
                    out.add(new Function(name(child), low, end, declaration(child), location(child, DW_AT_FRAME_BASE), variables,
                            inlinedCalls(child)));
                }
            }
            collect(child, out);
        }
    }

    /** The variables at a fixed address in the whole unit, each with the function or namespaces around it. */
    public List<StaticVariable> staticVariables() {
        List<StaticVariable> found = new ArrayList<>();
        staticVariables(unit.root(), "", found);
        return found;
    }

    private void staticVariables(Die scope, String scopeName, List<StaticVariable> out) {
        for (Die child : scope.children()) {
            if (child.tag() == DW_TAG_VARIABLE) {
                VariableLocation at = location(child, DW_AT_LOCATION);
                if (at.kind() == VariableLocation.Kind.ADDRESS) {
                    String name = name(child);
                    String linkage = child.string(DW_AT_LINKAGE_NAME);
                    out.add(new StaticVariable(name, linkage == null || linkage.equals(name) ? "" : linkage, at.offset(),
                            scopeName, declaration(child)));
                }
            } else if (child.tag() == DW_TAG_SUBPROGRAM) {
                staticVariables(child, name(child), out);
            } else if (child.tag() == DW_TAG_NAMESPACE) {
                String namespace = child.string(DW_AT_NAME) == null ? "{anonymous}" : child.string(DW_AT_NAME);
                staticVariables(child, scopeName.isEmpty() ? namespace : scopeName + "::" + namespace, out);
            } else if (child.tag() == DW_TAG_LEXICAL_BLOCK) {
                staticVariables(child, scopeName, out);
            }
        }
    }

    private void variables(Die scope, List<Variable> out) {
        for (Die child : scope.children()) {
            if (child.tag() == DW_TAG_FORMAL_PARAMETER || child.tag() == DW_TAG_VARIABLE) {
                Die type = origin(child, DW_AT_TYPE);
                out.add(new Variable(name(child), child.tag() == DW_TAG_FORMAL_PARAMETER, typeName(type, 0), byteSize(type, 0),
                        location(child, DW_AT_LOCATION), declaration(child)));
            } else if (child.tag() == DW_TAG_LEXICAL_BLOCK) {
                variables(child, out);
            }
        }
    }

    /** The inlined calls directly in {@code scope} (looking through lexical blocks), each with those inside it. */
    private List<InlinedCall> inlinedCalls(Die scope) {
        List<InlinedCall> calls = new ArrayList<>();
        for (Die child : scope.children()) {
            if (child.tag() == DW_TAG_INLINED_SUBROUTINE) {
                Long file = child.number(DW_AT_CALL_FILE);
                Long line = child.number(DW_AT_CALL_LINE);
                SourceLocation f = file == null || lines == null ? new SourceLocation("", "?", 0, 0) : lines.file(file);
                SourceLocation callSite = new SourceLocation(f.directory(), f.file(), line == null ? 0 : line, 0);
                calls.add(new InlinedCall(name(child), addressRanges(child), callSite, inlinedCalls(child)));
            } else if (child.tag() == DW_TAG_LEXICAL_BLOCK) {
                calls.addAll(inlinedCalls(child));
            }
        }
        return calls;
    }

    private List<AddressRange> addressRanges(Die die) {
        Long low = die.number(DW_AT_LOW_PC);
        Long high = die.number(DW_AT_HIGH_PC);
        Long length = die.number(DebugInfoReader.DW_AT_HIGH_PC_OFFSET);
        if (low != null && (high != null || length != null)) {
            return List.of(new AddressRange(low, high != null ? high : low + length));
        }
        Long offset = die.number(DW_AT_RANGES);
        if (offset == null) {
            return List.of();
        }
        Long base = unit.root().number(DW_AT_LOW_PC);
        return ranges.read(unit.version(), offset, base == null ? 0 : base);
    }

    private VariableLocation location(Die die, int attribute) {
        return die.attributes().get(attribute) instanceof byte[] expression ? VariableLocation.decode(expression)
                : VariableLocation.UNKNOWN;
    }

    /** The entry's name, or that of the declaration or abstract instance it completes. */
    private String name(Die die) {
        for (int depth = 0; die != null && depth < DEPTH_LIMIT; depth++) {
            String name = die.string(DW_AT_NAME);
            if (name == null) {
                name = die.string(DW_AT_LINKAGE_NAME);
            }
            if (name != null) {
                return name;
            }
            Die next = origin(die, DW_AT_ABSTRACT_ORIGIN);
            die = next != null ? next : origin(die, DW_AT_SPECIFICATION);
        }
        return "?";
    }

    private SourceLocation declaration(Die die) {
        for (int depth = 0; die != null && depth < DEPTH_LIMIT; depth++) {
            Long file = die.number(DW_AT_DECL_FILE);
            Long line = die.number(DW_AT_DECL_LINE);
            if (file != null && line != null && lines != null) {
                SourceLocation f = lines.file(file);
                return new SourceLocation(f.directory(), f.file(), line, 0);
            }
            Die next = origin(die, DW_AT_ABSTRACT_ORIGIN);
            die = next != null ? next : origin(die, DW_AT_SPECIFICATION);
        }
        return new SourceLocation("", "?", 0, 0);
    }

    private Die origin(Die die, int attribute) {
        Long offset = die.number(attribute);
        return offset == null ? null : unit.entries().get(offset);
    }

    private String typeName(Die type, int depth) {
        if (type == null) {
            return depth == 0 ? "?" : "void";
        }
        if (depth > DEPTH_LIMIT) {
            return "?";
        }
        Die target = origin(type, DW_AT_TYPE);
        return switch (type.tag()) {
            case DW_TAG_POINTER_TYPE -> typeName(target, depth + 1) + " *";
            case DW_TAG_CONST_TYPE -> "const " + typeName(target, depth + 1);
            case DW_TAG_VOLATILE_TYPE -> "volatile " + typeName(target, depth + 1);
            default -> type.string(DW_AT_NAME) != null ? type.string(DW_AT_NAME) : "?";
        };
    }

    private long byteSize(Die type, int depth) {
        if (type == null || depth > DEPTH_LIMIT) {
            return 0;
        }
        Long size = type.number(DW_AT_BYTE_SIZE);
        return size != null ? size : byteSize(origin(type, DW_AT_TYPE), depth + 1);
    }
}
