package dev.aiperf.study;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiperf.engine.BenchmarkRunner;
import dev.aiperf.mock.MockServer;
import dev.aiperf.mock.MockServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The study orchestration as a library user drives it, against the real mock over loopback. */
class StudyRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());

    @TempDir
    Path dir;
    private MockServer server;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream sink = new PrintStream(out, true, StandardCharsets.UTF_8);

    @BeforeEach
    void startServer() {
        server = MockServer.start(MockServerConfig.builder().host("127.0.0.1").port(0).ttftMs(1).itlMs(0.2).build());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private StudyPlan repeated(int runs) {
        StudyCell cell = new StudyCell("profile", Map.of(),
                StudyConfigs.chat(server.baseUrl(), dir.resolve("ignored"), 2, 6, Map.of()));
        return new StudyPlan(dir.resolve("study"), Map.of(), List.of(cell), runs, SweepMode.REPEATED, 0, 0, 0.95,
                true, false);
    }

    @Test
    void anInterruptedStudyKeepsFinishedRunsAndAggregatesOnlyThem() throws IOException {
        List<String> events = new ArrayList<>();
        StudyRunner[] runner = new StudyRunner[1];
        runner[0] = StudyRunner.of(repeated(4), sink, sink, new StudyListener() {
            @Override
            public void runPrepared(int index, BenchmarkRunner.Prepared prepared) {
                if (index == 3) {
                    runner[0].stop(); // as Ctrl-C would, while run 3 is about to send
                }
            }

            @Override
            public void interrupted(int finished, int planned) {
                events.add("interrupted " + finished + "/" + planned);
            }

            @Override
            public void aggregateWritten(String what, List<Path> files) {
                events.add("written " + what);
            }
        });

        StudyOutcome outcome = runner[0].run();

        assertThat(outcome.interrupted()).isTrue();
        assertThat(outcome.runs()).hasSize(3);
        assertThat(outcome.runs().get(2).interrupted()).isTrue();
        assertThat(outcome.succeeded()).isEqualTo(2);
        assertThat(events).containsExactly("interrupted 2/4", "written aggregate");
        Path base = dir.resolve("study");
        assertThat(base.resolve("profile_runs/run_0001/profile_export_aiperf.json")).exists();
        assertThat(base.resolve("profile_runs/run_0002/profile_export_aiperf.json")).exists();
        assertThat(base.resolve("profile_runs/run_0004")).doesNotExist();
        JsonNode aggregate = JSON.readTree(base.resolve("aggregate/profile_export_aiperf_aggregate.json").toFile());
        // The cut-short run counts as failed: its partial figures stay out of the intervals.
        assertThat(aggregate.at("/metadata/num_profile_runs").asInt()).isEqualTo(3);
        assertThat(aggregate.at("/metadata/num_successful_runs").asInt()).isEqualTo(2);
        assertThat(aggregate.at("/metadata/failed_runs/0/label").asText()).isEqualTo("run_0003");
        assertThat(aggregate.at("/metadata/failed_runs/0/error").asText()).contains("interrupted");
    }

    @Test
    void onlyTheFirstRunWarmsUpAndEachRunHasItsOwnFolder() throws IOException {
        StudyCell cell = new StudyCell("profile", Map.of(), StudyConfigs.chat(server.baseUrl(), dir, 2, 4, Map.of())
                .withLoad(new dev.aiperf.api.config.LoadConfig("request_rate", 2, null, "concurrency_burst", null, 4,
                        null, null, 30, 3, null)));
        StudyPlan plan = new StudyPlan(dir.resolve("warm"), Map.of(), List.of(cell), 2, SweepMode.REPEATED, 0, 0,
                0.95, true, false);
        StudyOutcome outcome = StudyRunner.of(plan, sink, sink, new StudyListener() { }).run();
        assertThat(outcome.succeeded()).isEqualTo(2);
        // The warm-up shows in each run's input_config: the first has it, the repeat does not.
        JsonNode first = JSON.readTree(dir.resolve("warm/profile_runs/run_0001/profile_export_aiperf.json").toFile());
        JsonNode second = JSON.readTree(dir.resolve("warm/profile_runs/run_0002/profile_export_aiperf.json").toFile());
        assertThat(first.at("/input_config").toString()).contains("\"warmup_request_count\":3");
        assertThat(second.at("/input_config").toString()).doesNotContain("\"warmup_request_count\":3");
    }
}
