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
 * @param cancelAfterNs      simulated client disconnect (spec §2.12): abandon the request this long after it
 *                           was fully written, unless it finished before; null for never. The record then
 *                           carries error 499 {@code RequestCancellationError} and its cancellation time
 * @param observer           sees each raw response as it arrives, or null
 */
public record TransportRequest(URI url, Map<String, String> headers, byte[] body, RequestInfo requestInfo,
                               String model, long intendedSendPerfNs, Long cancelAfterNs,
                               ResponseObserver observer) {

    /** A request that is never abandoned and whose responses nobody observes as they arrive. */
    public TransportRequest(URI url, Map<String, String> headers, byte[] body, RequestInfo requestInfo, String model,
                            long intendedSendPerfNs) {
        this(url, headers, body, requestInfo, model, intendedSendPerfNs, null, null);
    }

    /** The same request, abandoned {@code delayNs} after it is sent (null: never), its responses observed. */
    public TransportRequest with(Long delayNs, ResponseObserver responseObserver) {
        return new TransportRequest(url, headers, body, requestInfo, model, intendedSendPerfNs, delayNs,
                responseObserver);
    }

    @Override
    public String toString() {
        // Headers may hold the API key: only their names may reach a log line.
        return "TransportRequest[url=" + url + ", headers=" + headers.keySet() + ", body=" + body.length
                + " bytes, model=" + model + "]";
    }
}
