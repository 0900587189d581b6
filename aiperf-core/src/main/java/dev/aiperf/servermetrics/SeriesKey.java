package dev.aiperf.servermetrics;

import java.util.Map;

/** One time series of an endpoint: the exported metric name and its labels ({@code le} excluded). */
record SeriesKey(String metric, Map<String, String> labels) {
}
