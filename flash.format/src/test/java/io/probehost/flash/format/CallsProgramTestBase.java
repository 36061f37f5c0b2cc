package io.probehost.flash.format;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

import io.probehost.flash.format.DebugBuilds.Build;

/** Tests that judge the debug-information readers on every build of calls.c, compiled once per class. */
@TestInstance(Lifecycle.PER_CLASS)
abstract class CallsProgramTestBase {

    /** The folder the builds are in, and the ELF file of each build. */
    protected Path folder;
    protected Map<Build, Path> elves;

    @BeforeAll
    void compileEveryBuild(@TempDir Path folder) {
        this.folder = folder;
        this.elves = DebugBuilds.compileAll(folder);
    }
}
