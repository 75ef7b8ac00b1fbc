package org.acceso.launcher;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** GreenMail standalone: SMTP that accepts every address without authentication, and its REST API. */
final class GreenMailRunner extends Runner {

    GreenMailRunner(StackSpec spec) {
        super(spec, Infrastructure.MAIL);
    }

    @Override
    Launch launch() {
        Layout layout = spec.layout();
        List<String> command = new java.util.ArrayList<>(List.of(StackSpec.javaExecutable().toString(),
                "-Xms32m", "-Xmx128m", "-XX:+UseSerialGC"));
        command.addAll(spec.jitOptions());
        command.addAll(List.of("-Dacceso.component=greenmail",
                "-Dgreenmail.smtp.hostname=" + Layout.HOST, "-Dgreenmail.smtp.port=" + layout.port(Layout.SMTP),
                "-Dgreenmail.auth.disabled", "-Dgreenmail.hostname=" + Layout.HOST,
                "-Dgreenmail.api.hostname=" + Layout.HOST, "-Dgreenmail.api.port=" + layout.port(Layout.MAIL_API),
                "-jar", spec.distributions().greenMailJar().toString()));
        return new Launch(command, Map.of(), spec.workDir(component));
    }

    @Override
    boolean ready() {
        return listening(spec.layout().port(Layout.SMTP))
                && httpOk(spec.layout().mailApiUrl() + "/api/service/readiness", body -> true);
    }

    @Override
    Duration readyTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    Duration stopTimeout() {
        return Duration.ofSeconds(10);
    }
}
