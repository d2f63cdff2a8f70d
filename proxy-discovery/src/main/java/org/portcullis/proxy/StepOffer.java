package org.portcullis.proxy;

import java.util.List;

/**
 * What one discovery step offers: routes, and notes for the log when it offers none or skips something.
 *
 * @param routes the routes in the step's order
 * @param notes  remarks such as {@code db miss} or {@code os: HTTPS_PROXY unusable (...)}
 */
record StepOffer(List<Route> routes, List<String> notes) {

    StepOffer {
        routes = List.copyOf(routes);
        notes = List.copyOf(notes);
    }

    static StepOffer of(Route route) {
        return new StepOffer(List.of(route), List.of());
    }

    static StepOffer note(String note) {
        return new StepOffer(List.of(), List.of(note));
    }
}
