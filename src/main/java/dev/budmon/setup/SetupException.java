package dev.budmon.setup;

/** Setup or uninstall could not be done; the message says why and what the user can do. */
public final class SetupException extends Exception {

    public SetupException(String message) {
        super(message);
    }

    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
