package dev.platformsecrets.internal.text;

import java.time.Duration;
import java.time.Instant;

/**
 * Ages as {@code pachctl list secret} prints them: docker/go-units' {@code HumanDuration} plus
 * {@code " ago"} ({@code 11 seconds ago}, {@code About a minute ago}, {@code 3 hours ago}).
 */
public final class Age {

    private static final long HOURS_PER_DAY = 24;

    private Age() {
    }

    /** {@code HumanDuration(now - created) + " ago"}; a creation time in the future counts as now. */
    public static String ago(Instant created, Instant now) {
        return humanDuration(Duration.between(created, now)) + " ago";
    }

    /**
     * go-units' {@code HumanDuration}: seconds and minutes truncate, hours round half up, and
     * days, weeks, months (30 days) and years (365 days) derive from the rounded hours.
     */
    public static String humanDuration(Duration duration) {
        double exactSeconds = duration.getSeconds() + duration.getNano() / 1e9;
        long seconds = (long) exactSeconds;
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = (long) (exactSeconds / 60);
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        double exactHours = exactSeconds / 3600;
        long hours = (long) (exactHours + 0.5);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < HOURS_PER_DAY * 7 * 2) {
            return hours / HOURS_PER_DAY + " days";
        } else if (hours < HOURS_PER_DAY * 30 * 2) {
            return hours / HOURS_PER_DAY / 7 + " weeks";
        } else if (hours < HOURS_PER_DAY * 365 * 2) {
            return hours / HOURS_PER_DAY / 30 + " months";
        }
        return (long) exactHours / HOURS_PER_DAY / 365 + " years";
    }
}
