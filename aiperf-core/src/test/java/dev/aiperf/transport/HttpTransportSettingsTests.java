package dev.aiperf.transport;

import dev.aiperf.endpoint.TestConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpTransportSettingsTests {

    @Test
    void defaultsFollowTheRequestTimeout() {
        TestConfig config = new TestConfig();
        config.requestTimeoutSeconds = 21600;

        HttpTransportSettings settings = HttpTransportSettings.from(config.build(), Map.of());

        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofHours(6));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofHours(6));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.keepAliveTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.connectionLimit()).isEqualTo(2500);
        assertThat(settings.sslVerify()).isTrue();
        assertThat(settings.reuseStrategy()).isEqualTo("pooled");
        assertThat(settings.ioThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void environmentVariablesOverrideTheDefaults() {
        TestConfig config = new TestConfig();
        config.connectionReuseStrategy = "sticky_user_sessions";

        HttpTransportSettings settings = HttpTransportSettings.from(config.build(), Map.of(
                "AIPERF_HTTP_SSL_VERIFY", "false", "AIPERF_HTTP_CONNECTION_LIMIT", "10",
                "AIPERF_HTTP_READ_TIMEOUT", "2.5", "AIPERF_HTTP_CONNECT_TIMEOUT", "1"));

        assertThat(settings.sslVerify()).isFalse();
        assertThat(settings.connectionLimit()).isEqualTo(10);
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.reuseStrategy()).isEqualTo("sticky-user-sessions");
    }

    @Test
    void badValuesNameTheirSetting() {
        TestConfig config = new TestConfig();
        assertThatThrownBy(() -> HttpTransportSettings.from(config.build(), Map.of("AIPERF_HTTP_SSL_VERIFY", "maybe")))
                .hasMessageContaining("AIPERF_HTTP_SSL_VERIFY must be true or false, got 'maybe'");
        assertThatThrownBy(() -> HttpTransportSettings.from(config.build(), Map.of("AIPERF_HTTP_READ_TIMEOUT", "x")))
                .hasMessageContaining("AIPERF_HTTP_READ_TIMEOUT must be a number of seconds");
        config.connectionReuseStrategy = "sometimes";
        assertThatThrownBy(() -> HttpTransportSettings.from(config.build(), Map.of()))
                .hasMessageContaining("--connection-reuse-strategy 'sometimes'");
        TestConfig zero = new TestConfig();
        zero.requestTimeoutSeconds = 0;
        assertThatThrownBy(() -> HttpTransportSettings.from(zero.build(), Map.of()))
                .hasMessageContaining("--request-timeout-seconds must be a positive number");
    }
}
