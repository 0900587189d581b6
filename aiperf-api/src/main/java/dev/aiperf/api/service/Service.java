package dev.aiperf.api.service;

/** Category {@code service}: a long-lived part of a run (dataset manager, workers, records manager...). */
public interface Service extends AutoCloseable {

    String serviceType();

    void start() throws Exception;

    @Override
    void close();
}
