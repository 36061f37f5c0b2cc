package io.probehost.driver.cmsisdap.internal;

/** A queued read whose answer the caller may wait for: a register read or a block read. */
interface AwaitedResult {

    /** Whether it has its value or its error. */
    boolean isDone();
}
