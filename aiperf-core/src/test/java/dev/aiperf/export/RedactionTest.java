package dev.aiperf.export;

import dev.aiperf.metrics.TestConfigs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a header value or a free text keeps once a run's secrets and URL user-info are taken out. */
class RedactionTest {
    private static final Redaction REDACTION = Redaction.of(TestConfigs.builder().apiKey("sk-abcdef123").build());

    @Test
    void userInfoOfAUrlAndTheApiKeyAreRedactedWhereverTheyAre() {
        assertThat(REDACTION.text("see https://bob:pw@example.com/x and sk-abcdef123"))
                .isEqualTo("see https://<redacted>@example.com/x and <redacted>");
        assertThat(REDACTION.text("Bearer sk-abcdef123")).isEqualTo("Bearer <redacted>");
    }

    @Test
    void aTextWithoutSecretsIsReturnedAsItIs() {
        String text = "text/event-stream; charset=utf-8";
        assertThat(REDACTION.text(text)).isSameAs(text);
        assertThat(REDACTION.text("https://example.com/no-user")).isEqualTo("https://example.com/no-user");
        assertThat(REDACTION.text(null)).isNull();
    }

    @Test
    void headersAreSecretByNameWhateverTheirValue() {
        assertThat(REDACTION.headerValue("Authorization", "anything")).isEqualTo(Redaction.REDACTED);
        assertThat(REDACTION.headerValue(" X-Api-Key ", "anything")).isEqualTo(Redaction.REDACTED);
        assertThat(REDACTION.headerValue("X-Session-Token", "anything")).isEqualTo(Redaction.REDACTED);
        assertThat(REDACTION.headerValue("Content-Type", "application/json")).isEqualTo("application/json");
        assertThat(Redaction.isSecretHeader("X-Team")).isFalse();
    }
}
