/**
 * What every Gogo command bundle shares, so all commands read and fail alike: the usage-driven
 * argument parser ({@code -u/-W/-O} included), the session a command works on, the console (terminal
 * or not, files, progress bar) and the one-line {@code Error:} failure.
 */
@Export
@Version("0.2.0")
package io.probehost.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
