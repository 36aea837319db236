package dev.platformsecrets;

/** How serious a {@link Problem} is: an error stops a run, a warning is reported and the run goes on. */
public enum Severity {
    /** The input cannot be used; the run produces no output. */
    ERROR,
    /** The input works but deserves attention, for example a plaintext value that is ignored. */
    WARNING;

    /** The lower-case name used in messages and JSON: {@code error} or {@code warning}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
