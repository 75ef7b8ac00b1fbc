package org.acceso.web.view;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which language a page is drawn in: the one chosen in this browser, else the account's, else Spanish. */
class PagesLanguageTest {

    @Test
    void shouldSpeakTheLanguageTheAccountKeepsWhenThisBrowserChoseNone() {
        assertThat(Pages.language(null, "en")).isEqualTo("en");
        assertThat(Pages.language(null, "es")).isEqualTo("es");
    }

    @Test
    void shouldLetTheLanguageChosenInThisBrowserWinOverTheAccounts() {
        assertThat(Pages.language("es", "en")).isEqualTo("es");
        assertThat(Pages.language("en", "es")).isEqualTo("en");
    }

    @Test
    void shouldFallBackToSpanishForWhatTheFrontDoesNotSpeak() {
        assertThat(Pages.language(null, null)).isEqualTo("es");
        assertThat(Pages.language("fr", "pt-BR")).isEqualTo("es");
        assertThat(Pages.language("fr", "en")).isEqualTo("en");
    }
}
