package io.probehost.defmt.internal;

import java.util.ArrayList;
import java.util.List;

import io.probehost.defmt.DefmtException;

/**
 * A defmt format string split into literal text and parameters {@code {[index][=type][:hint]}};
 * {@code {{} and {@code }}} are literal braces. A parameter without an index takes the next implicit
 * one, without a type is {@code ?} (Format).
 */
public record FormatString(List<Fragment> fragments) {

    public sealed interface Fragment permits Literal, Parameter {
    }

    public record Literal(String text) implements Fragment {
    }

    /** One parameter: the argument it shows, the argument's type ({@code u8}, {@code [u8]}, {@code 0..4}...) and the display hint ({@code ""} if none). */
    public record Parameter(int index, String type, String hint) implements Fragment {
        /** True for a bitfield {@code M..N} of an integer argument. */
        public boolean isBitfield() {
            return type.matches("\\d+\\.\\.\\d+");
        }

        public int bitStart() {
            return Integer.parseInt(type.substring(0, type.indexOf("..")));
        }

        public int bitEnd() {
            return Integer.parseInt(type.substring(type.indexOf("..") + 2));
        }
    }

    public static FormatString parse(String format) {
        List<Fragment> fragments = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int implicit = 0;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < format.length() && format.charAt(i + 1) == c) {
                literal.append(c);
                i += 2;
            } else if (c == '{') {
                int close = format.indexOf('}', i);
                if (close < 0) {
                    throw new DefmtException("format string '" + format + "': '{' without '}'");
                }
                if (literal.length() > 0) {
                    fragments.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                Parameter parameter = parameter(format.substring(i + 1, close), implicit);
                if (parameter.index() == implicit) {
                    implicit++;
                }
                fragments.add(parameter);
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            fragments.add(new Literal(literal.toString()));
        }
        return new FormatString(List.copyOf(fragments));
    }

    /** The parameters, each argument index once in increasing order; bitfields of one argument merged into one range. */
    public List<Parameter> arguments() {
        java.util.TreeMap<Integer, Parameter> byIndex = new java.util.TreeMap<>();
        for (Fragment f : fragments) {
            if (f instanceof Parameter p) {
                byIndex.merge(p.index(), p, FormatString::merge);
            }
        }
        return List.copyOf(byIndex.values());
    }

    private static Parameter merge(Parameter a, Parameter b) {
        if (a.isBitfield() && b.isBitfield()) {
            return new Parameter(a.index(), Math.min(a.bitStart(), b.bitStart()) + ".."
                    + Math.max(a.bitEnd(), b.bitEnd()), "");
        }
        return a;
    }

    private static Parameter parameter(String body, int implicit) {
        int at = 0;
        while (at < body.length() && Character.isDigit(body.charAt(at))) {
            at++;
        }
        int index = at == 0 ? implicit : Integer.parseInt(body.substring(0, at));
        String rest = body.substring(at);
        String type = "?";
        String hint = "";
        if (rest.startsWith("=")) {
            int colon = rest.indexOf(':');
            type = colon < 0 ? rest.substring(1) : rest.substring(1, colon);
            hint = colon < 0 ? "" : rest.substring(colon + 1);
        } else if (rest.startsWith(":")) {
            hint = rest.substring(1);
        } else if (!rest.isEmpty()) {
            throw new DefmtException("format parameter '{" + body + "}' is malformed");
        }
        return new Parameter(index, type.strip(), hint.strip());
    }
}
