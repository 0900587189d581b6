package dev.aiperf.api.service;

import java.util.List;

/** Category {@code service_manager}: where services run (in this JVM, other processes, a cluster). */
public interface ServiceManager extends AutoCloseable {

    void startServices(List<Service> services) throws Exception;

    @Override
    void close();
}
