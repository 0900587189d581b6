package dev.aiperf.metrics;

import dev.aiperf.api.model.ParsedResponses;
import dev.aiperf.api.model.RequestInfo;
import dev.aiperf.api.model.ResponseData;
import dev.aiperf.api.model.Turn;

import java.util.List;
import java.util.function.Function;

import static dev.aiperf.api.record.MetricFlag.LARGER_IS_BETTER;
import static dev.aiperf.api.record.MetricFlag.NO_CONSOLE;
import static dev.aiperf.api.record.MetricFlag.SUPPORTS_IMAGE_ONLY;
import static dev.aiperf.metrics.MetricBuilder.metric;
import static dev.aiperf.metrics.MetricTags.BENCHMARK_DURATION;
import static dev.aiperf.metrics.MetricTags.IMAGE_LATENCY;
import static dev.aiperf.metrics.MetricTags.IMAGE_SAMPLES_PER_SECOND;
import static dev.aiperf.metrics.MetricTags.IMAGE_THROUGHPUT;
import static dev.aiperf.metrics.MetricTags.NUM_IMAGES;
import static dev.aiperf.metrics.MetricTags.REQUEST_LATENCY;
import static dev.aiperf.metrics.MetricTags.TOTAL_NUM_IMAGES;

/**
 * The image metrics (metrics spec §2.2 "Image and video"; 2026 {@code total_num_images},
 * {@code image_samples_per_second}). The original counts a request's <em>input</em> images; for an endpoint that
 * produces images (image generation) the count is its <em>generated</em> images, final ones only (streamed partial
 * images are previews of the same image), which is what images per second and latency per image mean there.
 */
final class ImageMetrics {
    static final String IMAGES = "images";
    static final String IMAGES_PER_SECOND = "images/sec";
    static final String MS_PER_IMAGE = "ms/image";

    private ImageMetrics() {
    }

    static List<Metric> recordMetrics() {
        return List.of(
                metric(NUM_IMAGES, "Number of Images", "Num Images").unit(IMAGES)
                        .flags(SUPPORTS_IMAGE_ONLY, NO_CONSOLE).record(ImageMetrics::numImages),
                metric(IMAGE_THROUGHPUT, "Image Throughput", "Image Throughput").unit(IMAGES_PER_SECOND).order(860)
                        .flags(SUPPORTS_IMAGE_ONLY).requires(NUM_IMAGES, REQUEST_LATENCY)
                        .record(in -> {
                            double seconds = in.longValue(REQUEST_LATENCY) * LatencyMetrics.NS_TO_SECONDS;
                            return seconds == 0 ? null : in.longValue(NUM_IMAGES) / seconds;
                        }),
                metric(IMAGE_LATENCY, "Image Latency", "Image Latency").unit(MS_PER_IMAGE).order(861)
                        .flags(SUPPORTS_IMAGE_ONLY).requires(NUM_IMAGES, REQUEST_LATENCY)
                        .record(in -> in.longValue(REQUEST_LATENCY) / 1e6 / in.longValue(NUM_IMAGES)));
    }

    /** The run totals: images over the run and per second of it. */
    static List<Metric> totals(Function<String, MetricDefinition> sources) {
        return List.of(
                metric(TOTAL_NUM_IMAGES, "Total Number of Images", "Total Images")
                        .flags(SUPPORTS_IMAGE_ONLY, LARGER_IS_BETTER, NO_CONSOLE).sumOf(sources.apply(NUM_IMAGES)),
                metric(IMAGE_SAMPLES_PER_SECOND, "Image Samples Per Second", "Images/sec").unit(IMAGES_PER_SECOND)
                        .flags(SUPPORTS_IMAGE_ONLY, LARGER_IS_BETTER, NO_CONSOLE)
                        .requires(TOTAL_NUM_IMAGES, BENCHMARK_DURATION)
                        .derived(run -> RunMetrics.perSecond(run.value(TOTAL_NUM_IMAGES), run)));
    }

    /**
     * The images of the request (every turn's, as the original counts them) plus the final generated images in the
     * responses; no value when there are none.
     */
    static Long numImages(RecordInput in) {
        long count = 0;
        RequestInfo info = in.request().requestInfo();
        if (info != null) {
            for (Turn turn : info.turns()) {
                for (Turn.Media batch : turn.images()) {
                    count += batch.contents().size();
                }
            }
        }
        ParsedResponses content = in.contentResponses();
        for (int n = 0; n < content.size(); n++) {
            // text responses (every chat chunk) are not made into objects just to be looked at
            if (content.hasOtherData(n) && content.get(n).data() instanceof ResponseData.Images images) {
                count += images.images().stream().filter(i -> i.partialImageIndex() == null).count();
            }
        }
        return count == 0 ? null : count;
    }
}
