package io.restmachine.orm.bench;

import java.util.Locale;

/**
 * One line of the result table: our figure, the peer's figure from the same run, the ratio (always
 * oriented so that higher means better for us, except memory where it is growth), and the goal.
 *
 * @param measurement what was measured, e.g. "1. toItem vs Bean"
 * @param ours our figure with its unit
 * @param peer the peer's figure with its unit and name
 * @param ratio the ratio the goal is stated on
 * @param goal the goal as text, e.g. "≥ 2.00×"
 * @param met whether the ratio meets the goal
 */
public record Row(String measurement, String ours, String peer, double ratio, String goal, boolean met) {
    /** The goal of a row shown for information only. */
    public static final String NO_GOAL = "none (information)";

    /** A row whose goal is "ratio at least {@code min}". */
    public static Row atLeast(String measurement, String ours, String peer, double ratio, double min) {
        return new Row(measurement, ours, peer, ratio, "≥ " + times(min), ratio >= min);
    }

    /** A row whose goal is "ratio strictly above {@code min}". */
    public static Row above(String measurement, String ours, String peer, double ratio, double min) {
        return new Row(measurement, ours, peer, ratio, "> " + times(min), ratio > min);
    }

    /** A row whose goal is "ratio at most {@code max}". */
    public static Row atMost(String measurement, String ours, String peer, double ratio, double max) {
        return new Row(measurement, ours, peer, ratio, "≤ " + times(max), ratio <= max);
    }

    /** A row shown for information beside the judged ones; it has no goal and counts neither way. */
    public static Row info(String measurement, String ours, String peer, double ratio) {
        return new Row(measurement, ours, peer, ratio, NO_GOAL, false);
    }

    /** Whether this row has a goal that counts in the tally. */
    public boolean judged() {
        return !goal.equals(NO_GOAL);
    }

    /** A row that could not be measured, with the reason in place of the figures. */
    public static Row failed(String measurement, String goal, String reason) {
        return new Row(measurement, "failed: " + reason, "", Double.NaN, goal, false);
    }

    /** This row as a Markdown table line. */
    public String markdown() {
        String r = Double.isNaN(ratio) ? "n/a" : times(ratio);
        return "| " + measurement + " | " + ours + " | " + peer + " | " + r + " | " + goal + " | "
                + (!judged() ? "info" : met ? "met" : "**missed**") + " |";
    }

    /** A number formatted with three significant figures or at most two decimals. */
    public static String fmt(double value) {
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String times(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }
}
