package dev.aiperf.control;

import dev.aiperf.api.config.BenchmarkConfig;
import dev.aiperf.api.config.ServerCall;
import dev.aiperf.endpoint.RequestFactory;
import dev.aiperf.export.Redaction;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes one {@link ServerCall} to every base URL of the run: {@code POST <url><path>} with an empty body and
 * the run's API key, as the original does for vLLM's and SGLang's control routes.
 *
 * <p>Uses the JDK's HTTP client (HTTP/1.1, cleartext or TLS): a few calls per run, where Netty's timing
 * precision buys nothing.
 */
public final class ServerCalls {
    private final BenchmarkConfig config;
    private final HttpClient client;

    public ServerCalls(BenchmarkConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * POSTs {@code call} to every base URL, one after the other.
     *
     * @return one line per URL that did not answer 2xx in time (what was called and what went wrong); empty
     * when every call succeeded
     */
    public List<String> post(ServerCall call) {
        List<String> problems = new ArrayList<>();
        for (String base : bases()) {
            URI url = jdkUri(RequestFactory.buildUrl(base, call.path()));
            String problem = post(url, call.timeoutSeconds());
            if (problem != null) {
                problems.add("POST " + Redaction.url(url.toString()) + " " + problem);
            }
        }
        return problems;
    }

    /** How many base URLs each call goes to. */
    public int urlCount() {
        return bases().size();
    }

    private List<String> bases() {
        return config.endpoint().urls().isEmpty() ? List.of("localhost:8000") : config.endpoint().urls();
    }

    /** Null when the server answered 2xx, else what happened. */
    private String post(URI url, double timeoutSeconds) {
        Duration timeout = Duration.ofMillis(Math.max(1, (long) (timeoutSeconds * 1000)));
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.noBody());
        if (config.endpoint().apiKey() != null) {
            request.header("Authorization", "Bearer " + config.endpoint().apiKey());
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "answered HTTP " + status;
        } catch (HttpTimeoutException e) {
            return "got no answer within " + timeoutSeconds + " s";
        } catch (ConnectException e) {
            return "failed: connection refused";
        } catch (IOException e) {
            return "failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "was interrupted";
        }
    }

    /** The JDK client knows http and https only; the HTTP/2 cleartext scheme is plain http to it. */
    private static URI jdkUri(URI uri) {
        String scheme = uri.getScheme();
        if ("h2c".equals(scheme) || "h2".equals(scheme)) {
            return URI.create(("h2c".equals(scheme) ? "http" : "https") + uri.toString().substring(scheme.length()));
        }
        return uri;
    }
}
