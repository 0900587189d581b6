package dev.aiperf.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArtifactFilesTest {

    @Test
    void defaultsAreTheOriginalsNames() {
        assertThat(ArtifactFiles.DEFAULT).isEqualTo(new ArtifactFiles("profile_export_aiperf.json",
                "profile_export_aiperf.csv", "profile_export.jsonl", "profile_export_raw.jsonl",
                "profile_export_aiperf_timeslices.json", "profile_export_aiperf_timeslices.csv"));
        assertThat(ArtifactFiles.INPUTS_JSON).isEqualTo("inputs.json");
        assertThat(ArtifactFiles.LOG_FILE).isEqualTo("logs/aiperf.log");
    }

    @Test
    void aPrefixNamesEveryFileAfterOneKnownSuffixIsStripped() {
        ArtifactFiles files = ArtifactFiles.withPrefix("run1.jsonl");
        assertThat(files).isEqualTo(new ArtifactFiles("run1.json", "run1.csv", "run1.jsonl", "run1_raw.jsonl",
                "run1_timeslices.json", "run1_timeslices.csv"));
        assertThat(ArtifactFiles.withPrefix("run1_raw.jsonl").summaryJson()).isEqualTo("run1.json");
        assertThat(ArtifactFiles.withPrefix("run1_timeslices.csv").summaryCsv()).isEqualTo("run1.csv");
        assertThat(ArtifactFiles.withPrefix("my.results").summaryJson()).isEqualTo("my.results.json");
        assertThat(ArtifactFiles.withPrefix("x.json.csv").summaryJson()).as("only one suffix").isEqualTo("x.json.json");
    }
}
