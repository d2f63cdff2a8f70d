package org.portcullis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

class TrackingByteBufAllocatorTest {

    @Test
    void countsBuffersUntilReleased() {
        TrackingByteBufAllocator allocator = new TrackingByteBufAllocator();
        ByteBuf heap = allocator.heapBuffer(8);
        ByteBuf direct = allocator.directBuffer(8);

        assertEquals(2, allocator.unreleased());
        heap.release();
        direct.release();
        assertEquals(0, allocator.unreleased());
    }

    @Test
    void remembersTheLargestCapacity() {
        TrackingByteBufAllocator allocator = new TrackingByteBufAllocator();
        allocator.heapBuffer(100).release();
        allocator.directBuffer(10).release();

        assertEquals(100, allocator.largestCapacity());
    }

    @Test
    void aRetainedSliceKeepsItsParentUnreleased() {
        TrackingByteBufAllocator allocator = new TrackingByteBufAllocator();
        ByteBuf parent = allocator.copyOf(new byte[] {1, 2, 3, 4}, 0, 4);
        ByteBuf slice = parent.readRetainedSlice(2);
        parent.release();

        assertEquals(1, allocator.unreleased());
        slice.release();
        assertEquals(0, allocator.unreleased());
    }
}
