package org.acceso.launcher;

/** The servers Acceso needs, all from Maven Central: PostgreSQL, Kafka, Keycloak and an SMTP catcher. */
public enum Infrastructure implements Component {
    /** PostgreSQL from the zonky binaries: one database and one owner per service. */
    POSTGRES("postgres"),
    /** One Apache Kafka node in KRaft mode (broker and controller). */
    KAFKA("kafka"),
    /**
     * Keycloak from its Maven distribution, realm {@code acceso} imported from deploy/keycloak/acceso-realm.json (its
     * e-mails through GreenMail), theme from deploy/keycloak/themes.
     */
    KEYCLOAK("keycloak"),
    /** GreenMail standalone: accepts every e-mail and shows it through a REST API. */
    MAIL("greenmail");

    private final String id;

    Infrastructure(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
