package org.acceso.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StackSpecTest {

    private static final Path PROJECT = Path.of("/srv/acceso");

    @Test
    void shouldRunTheLocalStackOnTheContractsPortsWithItsDataUnderDeploy() {
        StackSpec local = StackSpec.local(PROJECT);
        assertThat(local.layout().gatewayUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(local.dataDir()).isEqualTo(PROJECT.resolve("deploy/.data"));
        assertThat(local.pidFile(Infrastructure.KAFKA)).isEqualTo(PROJECT.resolve("deploy/.data/pids/kafka.pid"));
        assertThat(local.log(Service.GATEWAY)).isEqualTo(PROJECT.resolve("deploy/.data/logs/gateway.log"));
        assertThat(local.serviceJar(Service.REQUEST)).isEqualTo(PROJECT.resolve("request-service/target/quarkus-app/quarkus-run.jar"));
        assertThat(local.keycloakInMemory()).isFalse();
    }

    @Test
    void shouldStartEveryJvmOnC1UnlessAskedForTheFullJit() {
        StackSpec local = StackSpec.local(PROJECT);
        assertThat(local.jitOptions()).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(local.withFullJit().jitOptions()).isEmpty();
        assertThat(local.withFullJit().layout()).isSameAs(local.layout());
    }

    @Test
    void shouldAddAServicesExtraVariablesOverTheLaunchersEnvironment() {
        StackSpec spec = StackSpec.throwAway(PROJECT, Path.of("/tmp/data"), Path.of("/tmp/logs"), Path.of("/tmp/dist"))
                .withServiceEnvironment(Service.DEADLINE, Map.of("DEADLINE_SWEEP_EVERY", "2s"))
                .withServiceEnvironment(Service.DEADLINE, Map.of("QUARKUS_HTTP_HOST", "0.0.0.0"));
        assertThat(spec.environment(Service.DEADLINE))
                .containsEntry("DEADLINE_SWEEP_EVERY", "2s")
                .containsEntry("QUARKUS_HTTP_HOST", "0.0.0.0")
                .containsEntry("QUARKUS_HTTP_PORT", String.valueOf(spec.layout().httpPort(Service.DEADLINE)));
        assertThat(spec.environment(Service.REQUEST)).isEqualTo(Environment.of(Service.REQUEST, spec.layout()));
        assertThat(spec.keycloakInMemory()).isTrue();
        assertThat(spec.layout().port(Layout.KEYCLOAK)).isNotEqualTo(8180);
    }
}
