#!/usr/bin/env python3
"""Where a JFR recording's CPU samples are: by thread, by top frame, in named subtrees, and, for the HTTP/1.1
event loop, by what it was doing (each sample counted once, by the first marker found from its top frame down).

  bench/jfr-summary.py run.jfr            # a recording from CLIENT_JAVA_OPTS=-XX:StartFlightRecording=...,settings=profile
"""
import collections
import json
import os
import re
import subprocess
import sys

SUBTREES = ["SseStreamParser.feed", "ChatEndpoint.parseResponse", "ResponseFields.read", "TokenCounter.count",
            "RecordsJsonlWriter.line", "MetricRecordProcessor.processRecord", "HttpResponseHandler.send",
            "HttpResponseHandler.channelRead", "NettyTransportBase.sendRequest", "NettyHttpTransport.sendRequest",
            "RequestFactory.create", "HtmlReportExporter.export"]
EVENT_LOOP = [("sse-framing", "SseStreamParser"), ("request-encode", "HttpObjectEncoder"),
              ("request-write", "Http1RequestWriter"), ("send-other", "HttpResponseHandler.send"),
              ("http-decode", "HttpObjectDecoder"), ("release", "HttpResponseHandler.finish"),
              ("pool", "ChannelPool"), ("pool", "OriginPool"), ("pool", "PooledConnections"),
              ("timeouts", "TimeoutSweep"), ("acquired", "NettyHttpTransport.onAcquired"),
              ("response-handler", "HttpResponseHandler"), ("idle-timer", "IdleStateHandler"),
              ("exchange", "HttpExchange"), ("socket-read", "NioByteUnsafe.read"), ("socket-write", "doWrite"),
              ("tasks", "runAllTasks")]


def main(path):
    jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "jfr")
    out = subprocess.run([jfr, "print", "--json", "--stack-depth", "128", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    samples = []
    for event in json.loads(out)["recording"]["events"]:
        values = event["values"]
        thread = values["sampledThread"].get("javaName") or values["sampledThread"].get("osName") or "?"
        frames = [f["method"]["type"]["name"].split("/")[-1] + "." + f["method"]["name"]
                  for f in (values["stackTrace"] or {}).get("frames", [])]
        samples.append((re.sub(r"(-\d+)+$", "", thread), frames))
    total = len(samples)
    print(f"{total} samples")
    print("by thread:")
    for name, n in collections.Counter(t for t, _ in samples).most_common(8):
        print(f"  {n:6d} {100 * n / total:5.1f} %  {name}")
    print("top frames:")
    for name, n in collections.Counter(f[0] for _, f in samples if f).most_common(15):
        print(f"  {n:6d} {100 * n / total:5.1f} %  {name}")
    print("subtrees (samples with the method anywhere on the stack):")
    for marker in SUBTREES:
        n = sum(1 for _, f in samples if any(marker in x for x in f))
        print(f"  {n:6d} {100 * n / total:5.1f} %  {marker}")
    loop = [f for t, f in samples if t == "aiperf-http"]
    if loop:
        print(f"HTTP/1.1 event loop ({len(loop)} samples), by activity:")
        counts = collections.Counter()
        for frames in loop:
            counts[next((name for x in frames for name, m in EVENT_LOOP if m in x), "other")] += 1
        for name, n in counts.most_common():
            print(f"  {n:6d} {100 * n / len(loop):5.1f} %  {name}")


if __name__ == "__main__":
    main(sys.argv[1])
