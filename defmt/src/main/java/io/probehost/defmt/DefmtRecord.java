package io.probehost.defmt;

/** What the stream decoder yields: a decoded frame or the report of a frame it had to skip. */
public sealed interface DefmtRecord permits DefmtFrame, DefmtGarbled {
}
