#!/bin/sh
# Prints the modelled flashing figures of FlashBench (the lab's link model; not a test).
# Needs the flash module's dependencies in ~/.m2 (mvn -B -o -q -f flash/pom.xml install).
set -e
cd "$(dirname "$0")"
mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.probehost.flash.internal.FlashBench
