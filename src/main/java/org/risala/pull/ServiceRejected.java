package org.risala.pull;

import java.util.List;

/** A definition that cannot be saved; each problem reads {@code field: reason}, e.g. {@code keyword: is required}. */
public class ServiceRejected extends IllegalArgumentException {

    private final List<String> problems;

    public ServiceRejected(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
