package org.portcullis.link.mux;

import io.netty.util.collection.IntObjectHashMap;
import java.util.ArrayList;
import java.util.List;
import org.portcullis.link.LinkException;

/** The link's live streams by id, and the ids: this side's parity for its own, ever increasing ids for the peer's. */
final class StreamTable {
    private final IntObjectHashMap<MuxStream> streams = new IntObjectHashMap<>();
    private int nextLocalId;
    private int lastRemoteId;
    private final int remoteParity;
    private volatile int size;

    StreamTable(LinkRole role) {
        this.nextLocalId = role.firstStreamId();
        this.remoteParity = (role.firstStreamId() + 1) % 2;
    }

    int nextLocalId() {
        if (nextLocalId <= 0) {
            throw new LinkException("link stream ids exhausted");
        }
        int id = nextLocalId;
        nextLocalId += 2;
        return id;
    }

    /** Whether the peer may open {@code id}: its parity and greater than every id it opened before. */
    boolean acceptRemoteId(int id) {
        if (id % 2 != remoteParity || id <= lastRemoteId) {
            return false;
        }
        lastRemoteId = id;
        return true;
    }

    MuxStream get(int id) {
        return streams.get(id);
    }

    void put(MuxStream stream) {
        streams.put(stream.id(), stream);
        size = streams.size();
    }

    void remove(MuxStream stream) {
        if (streams.get(stream.id()) == stream) {
            streams.remove(stream.id());
        }
        size = streams.size();
    }

    List<MuxStream> snapshot() {
        return new ArrayList<>(streams.values());
    }

    /** The number of live streams; readable from any thread. */
    int size() {
        return size;
    }
}
