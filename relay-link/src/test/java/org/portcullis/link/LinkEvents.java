package org.portcullis.link;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** Records a link owner's callbacks for socket tests; streams the peer opens go to a configurable handler. */
final class LinkEvents implements LinkListener {
    record Down(Link link, Throwable cause, long atNanos) {
    }

    final List<Link> up = new CopyOnWriteArrayList<>();
    final List<Down> down = new CopyOnWriteArrayList<>();
    final List<ControlMessage> controls = new CopyOnWriteArrayList<>();
    final List<LinkStream> opened = new CopyOnWriteArrayList<>();
    private volatile BiConsumer<Link, LinkStream> onStream = (link, stream) -> stream.reset("not expected");

    LinkEvents onStream(BiConsumer<Link, LinkStream> handler) {
        onStream = handler;
        return this;
    }

    Link lastUp() {
        return up.get(up.size() - 1);
    }

    @Override
    public void linkUp(Link link) {
        up.add(link);
    }

    @Override
    public void streamOpened(Link link, LinkStream stream) {
        opened.add(stream);
        onStream.accept(link, stream);
    }

    @Override
    public void control(Link link, ControlMessage message) {
        controls.add(message);
    }

    @Override
    public void linkDown(Link link, Throwable causeOrNull) {
        down.add(new Down(link, causeOrNull, System.nanoTime()));
    }
}
