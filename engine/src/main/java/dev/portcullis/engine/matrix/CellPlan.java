package dev.portcullis.engine.matrix;

import dev.portcullis.engine.model.Caller;
import dev.portcullis.engine.model.Gateway;
import dev.portcullis.engine.model.Route;
import dev.portcullis.engine.model.SavedRequest;

/** One cell before it runs: the request to send, saved (with its expectation) or synthetic. */
record CellPlan(Gateway gateway, Route route, Caller caller, SavedRequest request, boolean saved) {
  String row() {
    return gateway.name() + " " + route.key();
  }
}
