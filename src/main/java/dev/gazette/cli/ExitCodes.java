package dev.gazette.cli;

/** Exit codes shared by every command. */
final class ExitCodes {
    static final int OK = 0;
    /** It ran, but something needs the user's attention (a source failed). */
    static final int NEEDS_ATTENTION = 1;
    /** It could not run: bad configuration, unreachable database, bad arguments. */
    static final int CANNOT_RUN = 2;

    private ExitCodes() {}
}
