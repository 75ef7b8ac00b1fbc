package org.acceso.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** How one component is prepared, started, recognised as ready and stopped. */
abstract class Runner {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final StackSpec spec;
    final Component component;

    Runner(StackSpec spec, Component component) {
        this.spec = spec;
        this.component = component;
    }

    /** One-off work before a start (initdb, formatting, unpacking, a snapshot of the jars). */
    void prepare() throws IOException {
    }

    abstract Launch launch();

    /** One probe; the stack polls it until it holds, the process dies, or {@link #readyTimeout()} passes. */
    abstract boolean ready();

    /** Called once when {@link #ready()} first held, or when the start failed or the component stopped. */
    void released() {
    }

    Duration readyTimeout() {
        return Duration.ofMinutes(2);
    }

    /** The signal that asks for a clean, quick stop. */
    String stopSignal() {
        return "TERM";
    }

    Duration stopTimeout() {
        return Duration.ofSeconds(25);
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Layout.HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean httpOk(String url, Predicate<String> body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && body.test(response.body());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Runner of(StackSpec spec, Component component) {
        if (component instanceof Service service) {
            return new ServiceRunner(spec, service);
        }
        return switch ((Infrastructure) component) {
            case POSTGRES -> new PostgresRunner(spec);
            case KAFKA -> new KafkaRunner(spec);
            case KEYCLOAK -> new KeycloakRunner(spec);
            case MAIL -> new GreenMailRunner(spec);
        };
    }
}
