package io.probehost.flash.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.probehost.flash.format.DebugBuilds.Build;
import io.probehost.flash.format.debug.DebugInfo;
import io.probehost.flash.format.debug.Function;
import io.probehost.flash.format.debug.Variable;
import io.probehost.flash.format.debug.VariableLocation;

/** Parameters and locals of calls.c at -O0 (all on the frame) against gdb's {@code info scope}. */
class VariablesJudgedByGdbTest {

    private static final Pattern SYMBOL = Pattern.compile("Symbol (\\w+) is a complex DWARF expression:\\s+0: DW_OP_fbreg (-?\\d+)\\s+, length (\\d+)\\.");
    private static final List<String> FUNCTIONS = List.of("in_handler", "inner", "middle", "outer");

    static List<Build> builds() {
        return List.of(DebugBuilds.M0_O0, DebugBuilds.M3_O0, DebugBuilds.RV32_O0);
    }

    @ParameterizedTest
    @MethodSource("builds")
    void locatesEachVariableWhereGdbDoes(Build build, @TempDir Path folder) {
        Path elf = build.compile(folder);
        DebugInfo info = DebugInfo.read(elf);
        List<String> command = new ArrayList<>(List.of("gdb-multiarch", "-q", "-batch", "-nx", elf.toString()));
        FUNCTIONS.forEach(f -> command.addAll(List.of("-ex", "echo @" + f + "\\n", "-ex", "info scope " + f)));
        String gdb = Toolchain.run(command.toArray(String[]::new));

        for (String name : FUNCTIONS) {
            String scope = gdb.substring(gdb.indexOf("@" + name + "\n"));
            int next = scope.indexOf("\n@", 1);
            scope = next < 0 ? scope : scope.substring(0, next);
            List<String> expected = new ArrayList<>();
            Matcher m = SYMBOL.matcher(scope);
            while (m.find()) {
                expected.add(m.group(1) + " fbreg " + m.group(2) + " size " + m.group(3));
            }
            assertTrue(!expected.isEmpty(), "gdb lists no variables of " + name + ":\n" + scope);
            Function function = info.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
            assertEquals(VariableLocation.Kind.CALL_FRAME_CFA, function.frameBase().kind());
            List<String> ours = function.variables().stream().map(v -> v.name() + " fbreg " + v.location().offset() + " size "
                    + v.byteSize()).toList();
            // gdb's scope is the function's outermost block; outer's loop counter i sits in a nested block.
            assertEquals(expected, ours.subList(0, Math.min(expected.size(), ours.size())));
            assertEquals(name.equals("outer") ? expected.size() + 1 : expected.size(), ours.size(), ours.toString());
            for (Variable v : function.variables()) {
                assertEquals(VariableLocation.Kind.FRAME_BASE_OFFSET, v.location().kind());
            }
        }
        Function inHandler = info.functions().stream().filter(f -> f.name().equals("in_handler")).findFirst().orElseThrow();
        assertEquals(new Variable("code", true, "long unsigned int", 4, inHandler.variables().get(0).location(),
                inHandler.variables().get(0).declaration()), inHandler.variables().get(0));
        assertEquals(DebugInfoJudgedByBinutilsTest.lineOf("__attribute__((noinline)) void in_handler("),
                inHandler.variables().get(0).declaration().line());
    }
}
