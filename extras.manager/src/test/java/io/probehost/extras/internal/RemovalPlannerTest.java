package io.probehost.extras.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RemovalPlannerTest {
    @Test
    void dependencyNothingElseUsesGoesWithTheExtra() {
        Map<String, Collection<String>> requirers = Map.of("jna", List.of("pemicro"));

        assertEquals(Set.of("pemicro", "jna"), RemovalPlanner.removable(List.of("pemicro"), List.of("jna"),
                b -> requirers.getOrDefault(b, List.of())));
    }

    @Test
    void dependencyAnotherBundleUsesIsKept() {
        Map<String, Collection<String>> requirers = Map.of("jna", List.of("pemicro", "jlink"));

        assertEquals(Set.of("pemicro"), RemovalPlanner.removable(List.of("pemicro"), List.of("jna"),
                b -> requirers.getOrDefault(b, List.of())));
    }

    @Test
    void dependencyOfAKeptDependencyIsKeptToo() {
        // jlink (outside) uses helper, helper uses jna: neither may go although pemicro used them too.
        Map<String, Collection<String>> requirers = Map.of("jna", List.of("pemicro", "helper"),
                "helper", List.of("pemicro", "jlink"));

        assertEquals(Set.of("pemicro"), RemovalPlanner.removable(List.of("pemicro"), List.of("jna", "helper"),
                b -> requirers.getOrDefault(b, List.of())));
    }

    @Test
    void extraIsRemovedEvenWhenSomethingUsesItAndSelfWiresDoNotKeepABundle() {
        Map<String, Collection<String>> requirers = Map.of("pemicro", List.of("other"), "jna", List.of("jna", "pemicro"));

        assertEquals(Set.of("pemicro", "jna"), RemovalPlanner.removable(List.of("pemicro"), List.of("jna"),
                b -> requirers.getOrDefault(b, List.of())));
    }
}
