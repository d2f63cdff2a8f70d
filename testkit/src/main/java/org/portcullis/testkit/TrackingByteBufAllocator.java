package org.portcullis.testkit;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * An allocator that remembers every buffer it hands out, so a test can check, deterministically and
 * without waiting for the garbage collector, that each one was released, and how large the largest was.
 * Derived buffers (slices, duplicates) share their parent's reference count, so a leaked slice shows up
 * as its parent. The buffers are still wrapped for Netty's own leak detector, as any allocator's are.
 * Not thread-safe: for one {@code EmbeddedChannel} driven by one test thread.
 */
public final class TrackingByteBufAllocator extends AbstractByteBufAllocator {
    private final List<ByteBuf> allocated = new ArrayList<>();
    private int largestCapacity;

    public TrackingByteBufAllocator() {
        super(false);
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        return track(new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity));
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return track(new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity));
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    /** A heap buffer holding a copy of {@code octets}. */
    public ByteBuf copyOf(byte[] octets, int offset, int length) {
        return heapBuffer(length, length).writeBytes(octets, offset, length);
    }

    /** The number of buffers handed out that still hold a reference. */
    public int unreleased() {
        int count = 0;
        for (ByteBuf buffer : allocated) {
            if (buffer.refCnt() > 0) {
                count++;
            }
        }
        return count;
    }

    /** The largest initial capacity of a buffer handed out so far, in octets. */
    public int largestCapacity() {
        return largestCapacity;
    }

    private ByteBuf track(ByteBuf buffer) {
        allocated.add(buffer);
        largestCapacity = Math.max(largestCapacity, buffer.capacity());
        return buffer;
    }
}
