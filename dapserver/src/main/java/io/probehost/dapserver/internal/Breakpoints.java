package io.probehost.dapserver.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.FunctionBreakpoint;
import org.eclipse.lsp4j.debug.InstructionBreakpoint;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;

import io.probehost.api.debug.BreakpointControl;
import io.probehost.api.debug.BreakpointKind;
import io.probehost.flash.format.debug.SourceLocation;

/**
 * The client's breakpoints, by the request that set them (one set per source file, one of
 * functions, one of instructions), mapped to code addresses and kept on the target as the union of
 * all sets: each request replaces its set, and only the addresses that no set wants any more are
 * removed. A breakpoint the target refuses (no comparator left) is answered unverified with the reason.
 */
final class Breakpoints {
    private static final String FUNCTIONS = "functions:";
    private static final String INSTRUCTIONS = "instructions:";

    private final BreakpointControl target;
    private final ProgramInfo program;
    private final Map<String, Map<Long, Breakpoint>> sets = new LinkedHashMap<>();
    private final Set<Long> placed = new LinkedHashSet<>();
    private int nextId = 1;

    Breakpoints(BreakpointControl target, ProgramInfo program) {
        this.target = target;
        this.program = program;
    }

    /** {@code setBreakpoints}: a source's line breakpoints, each on the first line at or below it that has code. */
    List<Breakpoint> setLines(Source source, SourceBreakpoint[] lines) {
        String path = source.getPath() != null ? source.getPath() : source.getName();
        Map<Long, Breakpoint> set = new LinkedHashMap<>();
        List<Breakpoint> answers = new ArrayList<>();
        for (SourceBreakpoint wanted : lines == null ? new SourceBreakpoint[0] : lines) {
            Breakpoint answer = breakpoint();
            answer.setSource(source);
            answer.setLine(wanted.getLine());
            program.lineAddresses(path, wanted.getLine()).ifPresentOrElse(found -> {
                answer.setLine((int) found.line());
                answer.setVerified(true);
                answer.setInstructionReference(MemoryReference.of(found.addresses().get(0)));
                found.addresses().forEach(address -> set.putIfAbsent(address, answer));
            }, () -> answer.setMessage("no code for line " + wanted.getLine() + " of " + path + " (or the "
                    + (ProgramInfo.LINES_TO_SEARCH - 1) + " below it) in the program's line table"));
            answers.add(answer);
        }
        replace(path, set);
        return answers;
    }

    /** {@code setFunctionBreakpoints}: each function past its opening line. */
    List<Breakpoint> setFunctions(FunctionBreakpoint[] functions) {
        Map<Long, Breakpoint> set = new LinkedHashMap<>();
        List<Breakpoint> answers = new ArrayList<>();
        for (FunctionBreakpoint wanted : functions == null ? new FunctionBreakpoint[0] : functions) {
            Breakpoint answer = breakpoint();
            OptionalLong address = program.functionAddress(wanted.getName());
            if (address.isPresent()) {
                located(answer, address.getAsLong());
                set.putIfAbsent(address.getAsLong(), answer);
            } else {
                answer.setMessage("no function '" + wanted.getName() + "' in the program");
            }
            answers.add(answer);
        }
        replace(FUNCTIONS, set);
        return answers;
    }

    /** {@code setInstructionBreakpoints}: each at its instruction reference plus offset. */
    List<Breakpoint> setInstructions(InstructionBreakpoint[] instructions) {
        Map<Long, Breakpoint> set = new LinkedHashMap<>();
        List<Breakpoint> answers = new ArrayList<>();
        for (InstructionBreakpoint wanted : instructions == null ? new InstructionBreakpoint[0] : instructions) {
            Breakpoint answer = breakpoint();
            long address = MemoryReference.address(wanted.getInstructionReference(), wanted.getOffset());
            located(answer, address);
            set.putIfAbsent(address, answer);
            answers.add(answer);
        }
        replace(INSTRUCTIONS, set);
        return answers;
    }

    /** The client's breakpoint at {@code address}, if one is set there. */
    Optional<Breakpoint> at(long address) {
        return sets.values().stream().map(set -> set.get(address)).filter(b -> b != null && placed.contains(address))
                .findFirst();
    }

    /** Removes every breakpoint the client set. */
    void clear() {
        sets.clear();
        sync();
    }

    private Breakpoint breakpoint() {
        Breakpoint answer = new Breakpoint();
        answer.setId(nextId++);
        answer.setVerified(false);
        return answer;
    }

    private void located(Breakpoint answer, long address) {
        answer.setVerified(true);
        answer.setInstructionReference(MemoryReference.of(address));
        program.location(address).ifPresent(location -> {
            answer.setLine((int) location.line());
            answer.setSource(source(location));
        });
    }

    Source source(SourceLocation location) {
        Source source = new Source();
        source.setName(location.fileName());
        source.setPath(program.sourcePath(location));
        return source;
    }

    private void replace(String key, Map<Long, Breakpoint> set) {
        sets.put(key, set);
        sync();
    }

    /** Puts on the target what some set wants and takes off what none wants; refusals unverify their breakpoint. */
    private void sync() {
        Set<Long> wanted = new LinkedHashSet<>();
        sets.values().forEach(set -> wanted.addAll(set.keySet()));
        for (long address : List.copyOf(placed)) {
            if (!wanted.contains(address)) {
                target.removeBreakpoint(address);
                placed.remove(address);
            }
        }
        for (Map<Long, Breakpoint> set : sets.values()) {
            for (Map.Entry<Long, Breakpoint> entry : set.entrySet()) {
                long address = entry.getKey();
                if (placed.contains(address)) {
                    continue;
                }
                try {
                    target.addBreakpoint(address, BreakpointKind.AUTO);
                    placed.add(address);
                } catch (RuntimeException e) {
                    entry.getValue().setVerified(false);
                    entry.getValue().setMessage(e.getMessage());
                }
            }
        }
    }
}
