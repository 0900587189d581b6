package dev.aiperf.report;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The page written from bytes is the page the template's text, filled and encoded, gives. */
class HtmlReportPageTest {

    @Test
    void thePageIsTheTemplateFilledAsText() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", "run </script><!-- é 日本 😀 & \"quoted\"");
        data.put("values", List.of(1, 2.5, "a</b", "<!--x-->"));
        String title = "AIPerf report - </title> & <b>é 😀";

        byte[] page = HtmlReport.page(title, data);

        assertThat(new String(page, StandardCharsets.UTF_8)).contains("<\\/script>", "<\\!-- é 日本 😀");
        assertThat(page).isEqualTo(filledAsText(title, data).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void scriptSafeBytesAreTheScriptSafeTextsBytes() {
        Random random = new Random(7);
        String[] pieces = {"</", "<!--", "<", "/", "!", "-", "a", "é", "日", "😀", "\\", "<\\/", "<<!--", "<</"};
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(20); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String original = text.toString();
            assertThat(HtmlReport.scriptSafe(original.getBytes(StandardCharsets.UTF_8)))
                    .as(original)
                    .isEqualTo(HtmlReport.scriptSafe(original).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theChartLibraryIsInlinedWhole() throws Exception {
        String page = new String(HtmlReport.page("t", Map.of()), StandardCharsets.UTF_8);

        assertThat(page).contains(HtmlReport.scriptSafe(resource(HtmlReport.CHART_LIBRARY)));
    }

    /** How the page was made before it was written from bytes: every part decoded, replaced, encoded once. */
    private static String filledAsText(String title, Map<String, Object> data) throws Exception {
        Map<String, String> slots = Map.of(
                "TITLE", HtmlReport.escapeHtml(title),
                "STYLE", resource("report.css"),
                "DATA", HtmlReport.scriptSafe(JsonMapper.builder().build().writeValueAsString(data)),
                "CHART_LIBRARY", HtmlReport.scriptSafe(resource(HtmlReport.CHART_LIBRARY)),
                "SCRIPT", HtmlReport.scriptSafe(resource("report.js")));
        Matcher slot = Pattern.compile("\\{\\{([A-Z_]+)}}").matcher(resource("report.html"));
        StringBuilder page = new StringBuilder();
        while (slot.find()) {
            slot.appendReplacement(page, Matcher.quoteReplacement(slots.get(slot.group(1))));
        }
        slot.appendTail(page);
        return page.toString();
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
