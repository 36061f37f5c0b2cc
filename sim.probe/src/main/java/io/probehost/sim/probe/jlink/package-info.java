/**
 * The lab's SEGGER J-Link: a virtual USB device speaking the J-Link's native protocol (EMU_CMD bytes on
 * a bulk pipe, SWD and JTAG as HW_JTAG3 bit vectors), written from the protocol note, driving a
 * virtual target's SWJ pins.
 */
package io.probehost.sim.probe.jlink;
