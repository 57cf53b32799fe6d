package dev.budmon.setup;

/** Setup or uninstall could not be done; the message says why and what the user can do. */
public final class SetupException extends Exception {

    /** A failure with a message for the user. */
    public SetupException(String message) {
        super(message);
    }

    /** A failure with a message for the user and the exception behind it. */
    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
