package dev.aiperf.tokenizers;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Prompts re-encode to exactly the requested count, for real tokenizers, over many windows and lengths. */
class ExactLengthTextTest {

    private static final String CORPUS = """
            From fairest creatures we desire increase, That thereby beauty's rose might never die, But as the riper \
            should by time decease, His tender heir might bear his memory: But thou, contracted to thine own bright \
            eyes, Feed'st thy light's flame with self-substantial fuel, Making a famine where abundance lies, Thy self \
            thy foe, to thy sweet self too cruel: Thou that art now the world's fresh ornament, And only herald to the \
            gaudy spring, Within thine own bud buriest thy content, And, tender churl, mak'st waste in niggarding: \
            Pity the world, or else this glutton be, To eat the world's due, by the grave and thee. When forty \
            winters shall besiege thy brow, And dig deep trenches in thy beauty's field, Thy youth's proud livery so \
            gazed on now, Will be a tatter'd weed of small worth held: Then being asked, where all thy beauty lies, \
            Where all the treasure of thy lusty days; To say, within thine own deep sunken eyes, Were an all-eating \
            shame, and thriftless praise. ½ café — naïve «quotes» 日本語のテキスト 🙂 tabs\tand
            newlines.""";

    private static List<TextTokenizer> tokenizers() {
        return List.of(LocalTokenizers.huggingFace(TestTokenizers.folder("qwen3").resolve("tokenizer.json")),
                LocalTokenizers.huggingFace(TestTokenizers.folder("llama3").resolve("tokenizer.json")),
                TiktokenTokenizer.forName("cl100k_base").orElseThrow());
    }

    @Test
    void everyPromptHasExactlyTheRequestedTokenCount() {
        Random random = new Random(7);
        for (TextTokenizer tokenizer : tokenizers()) {
            int[] corpus = tokenizer.encode(CORPUS);
            List<Integer> counts = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                int n = i < 100 ? 128 : 1 + random.nextInt(600);
                String prompt = ExactLengthText.of(tokenizer, corpus, random.nextInt(corpus.length), n);
                assertThat(tokenizer.count(prompt)).as("%s, %d tokens, prompt %d", tokenizer, n, i).isEqualTo(n);
                counts.add(n);
            }
            assertThat(counts).hasSize(300);
        }
    }

    @Test
    void aPlainDecodedWindowIsNotAlwaysExactWhichIsWhyTheSearchExists() {
        TextTokenizer qwen = tokenizers().getFirst();
        int[] corpus = qwen.encode(CORPUS);
        int off = 0;
        for (int start = 0; start < corpus.length; start++) {
            if (qwen.count(qwen.decode(ExactLengthText.window(corpus, start, 128))) != 128) {
                off++;
            }
        }
        assertThat(off).as("windows whose decoded text re-encodes to another count").isPositive();
    }

    @Test
    void zeroTokensIsEmpty() {
        assertThat(ExactLengthText.of(tokenizers().getLast(), new int[] {1, 2}, 0, 0)).isEmpty();
    }
}
