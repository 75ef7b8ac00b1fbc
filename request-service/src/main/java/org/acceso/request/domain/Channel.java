package org.acceso.request.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a request reached the body: filed online by the requester ({@link #WEB}), or handed in, posted, e-mailed or
 * phoned in and registered by staff. The name travels in {@code RequestFiled.channel}.
 */
public enum Channel {
    WEB, IN_PERSON, POST, EMAIL, PHONE;

    /** Whether staff register requests that arrive this way (every channel but the web). */
    public boolean registeredByStaff() {
        return this != WEB;
    }

    public static Optional<Channel> fromName(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }
}
