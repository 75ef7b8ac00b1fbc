package org.acceso.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Free TCP ports on the loopback address for servers a test starts, in particular in another process that binds the
 * port seconds later. The ports come from below Linux's ephemeral range (32768–60999 by default): the kernel never
 * gives one of them to an outgoing connection, so a port found free stays free until the server binds it (a port
 * from {@code new ServerSocket(0)} is an ephemeral one, and was seen taken by a Kafka client's connection before the
 * test's second service instance could bind it). One JVM never hands out the same port twice; concurrent JVMs start
 * at random points of the range.
 */
public final class FreePorts {

    static final int FIRST = 20_000;
    static final int LAST = 32_000;

    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(LAST - FIRST));

    private FreePorts() {
    }

    public static int next() {
        for (int tries = 0; tries < LAST - FIRST; tries++) {
            int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), LAST - FIRST);
            if (free(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on the loopback address between " + FIRST + " and " + LAST);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(false);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
