package org.portcullis.oftp2.fuzz;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * An allocator that remembers every buffer it hands out, so a test can check, deterministically and
 * without waiting for the garbage collector, that each one was released. Derived buffers (slices,
 * duplicates) share their parent's reference count, so a leaked slice shows up as its parent. The
 * buffers are still wrapped for Netty's own leak detector, as any allocator's are.
 */
final class TrackingByteBufAllocator extends AbstractByteBufAllocator {
    private final List<ByteBuf> allocated = new ArrayList<>();

    TrackingByteBufAllocator() {
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
    ByteBuf copyOf(byte[] octets, int offset, int length) {
        return heapBuffer(length, length).writeBytes(octets, offset, length);
    }

    /** The number of buffers handed out that still hold a reference. */
    int unreleased() {
        int count = 0;
        for (ByteBuf buffer : allocated) {
            if (buffer.refCnt() > 0) {
                count++;
            }
        }
        return count;
    }

    private ByteBuf track(ByteBuf buffer) {
        allocated.add(buffer);
        return buffer;
    }
}
