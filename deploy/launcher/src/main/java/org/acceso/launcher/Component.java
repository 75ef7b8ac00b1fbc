package org.acceso.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One part of the running system: a piece of infrastructure or one of Acceso's services. The launcher starts,
 * checks, stops and kills each one by itself; {@link #id()} is its name on the command line, in logs and PID files.
 */
public sealed interface Component permits Infrastructure, Service {

    /** The name used on the command line and for its log ({@code logs/<id>.log}) and PID file. */
    String id();

    /** Every component in start order: the infrastructure, then the services. */
    static List<Component> all() {
        List<Component> all = new ArrayList<>(List.of(Infrastructure.values()));
        all.addAll(List.of(Service.values()));
        return List.copyOf(all);
    }

    /** The component named {@code id} (case-insensitive); fails with the list of names. */
    static Component byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return all().stream().filter(c -> c.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new LauncherException("unknown component '" + id + "'; components: " + ids(all())));
    }

    static String ids(List<? extends Component> components) {
        return String.join(" ", components.stream().map(Component::id).toList());
    }
}
