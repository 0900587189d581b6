package dev.aiperf.plugin.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

    @Test
    void normalizeLowersCaseAndMapsDashes() {
        assertThat(Names.normalize(" Data-Exporter ")).isEqualTo("data_exporter");
        String normal = "chat";
        assertThat(Names.normalize(normal)).isSameAs(normal);
        assertThat(Names.normalize("")).isEmpty();
    }

    @Test
    void classPathsInBothForms() {
        assertThat(Names.isClassPath("a.b.C")).isTrue();
        assertThat(Names.isClassPath("a.b:C")).isTrue();
        assertThat(Names.isClassPath("chat")).isFalse();
        assertThat(Names.binaryClassName("a.b:C")).isEqualTo("a.b.C");
        assertThat(Names.isValidClassName("a.b.C$Inner")).isTrue();
        assertThat(Names.isValidClassName("a..C")).isFalse();
        assertThat(Names.isValidClassName("1a.C")).isFalse();
        assertThat(Names.isValidClassName("a.b-c.D")).isFalse();
    }
}
