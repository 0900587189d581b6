import dev.aiperf.tokenizers.ExactLengthText;
import dev.aiperf.tokenizers.LocalTokenizers;
import dev.aiperf.tokenizers.TextTokenizer;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * CPU cost of the tokenizers as the tool uses them: one count of a ~150-token text (what client-side counting
 * costs per request and direction) and one exact-length 128-token prompt (what the dataset build costs per
 * prompt). Process CPU time, so native work on any thread is included. Run by bench/tokenizers.sh.
 */
public final class TokenizerCost {
    public static void main(String[] args) {
        String text = "Shall I compare thee to a summer's day? Thou art more lovely and more temperate. ".repeat(8);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (String name : args) {
            TextTokenizer tokenizer = LocalTokenizers.load(name, null);
            int[] corpus = tokenizer.encode(text.repeat(20));
            for (int round = 0; round < 2; round++) { // the first round warms up the JIT
                int n = 20_000;
                long sum = 0;
                long c0 = os.getProcessCpuTime();
                for (int i = 0; i < n; i++) {
                    sum += tokenizer.count(text);
                }
                long c1 = os.getProcessCpuTime();
                int prompts = 2_000;
                for (int i = 0; i < prompts; i++) {
                    sum += ExactLengthText.of(tokenizer, corpus, (i * 37) % corpus.length, 128).length();
                }
                long c2 = os.getProcessCpuTime();
                if (round == 1) {
                    System.out.printf("%-60s count(%d tokens): %7.1f us CPU   exact 128-token prompt: %7.1f us CPU (%d)%n",
                            name, tokenizer.count(text), (c1 - c0) / 1e3 / n, (c2 - c1) / 1e3 / prompts, sum % 10);
                }
            }
        }
    }
}
