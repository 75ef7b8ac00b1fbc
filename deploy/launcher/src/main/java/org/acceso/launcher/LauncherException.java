package org.acceso.launcher;

/** Something the person running the launcher can act on; its message says what and, where it can, how. */
public class LauncherException extends RuntimeException {

    public LauncherException(String message) {
        super(message);
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
