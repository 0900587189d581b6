package dev.aiperf.api.transport;

import dev.aiperf.api.model.RequestInfo;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP exchange to perform.
 *
 * @param url                full request URL
 * @param headers            headers in send order (later entries already won the merge)
 * @param body               JSON body bytes
 * @param requestInfo        what is being sent, copied into the record
 * @param model              model name in the payload, copied into the record
 * @param intendedSendPerfNs when the timing strategy meant this request to go
 */
public record TransportRequest(URI url, Map<String, String> headers, byte[] body, RequestInfo requestInfo,
                               String model, long intendedSendPerfNs) {

    @Override
    public String toString() {
        // Headers may hold the API key: only their names may reach a log line.
        return "TransportRequest[url=" + url + ", headers=" + headers.keySet() + ", body=" + body.length
                + " bytes, model=" + model + "]";
    }
}
