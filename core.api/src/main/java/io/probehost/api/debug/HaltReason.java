package io.probehost.api.debug;

/** Why a core is halted. */
public enum HaltReason {
    /** The debugger asked for the halt. */
    DEBUG_REQUEST,
    /** A hardware or software breakpoint. */
    BREAKPOINT,
    /** A data watchpoint. */
    WATCHPOINT,
    /** A single step completed. */
    STEP,
    /** A vector catch, such as halt on reset. */
    VECTOR_CATCH,
    /** An external debug request (cross trigger, EDBGRQ). */
    EXTERNAL,
    /** The core is halted but does not say why. */
    UNKNOWN
}
