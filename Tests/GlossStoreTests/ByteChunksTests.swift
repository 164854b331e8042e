import Foundation
import GlossCore
import Testing

@testable import GlossStore

/// The exports' output buffer hands on chunks of at least its size (the last one aside),
/// each ending at a line end, whatever size the lines come in.
@Suite struct ByteChunksTests {
    @Test(arguments: [1, 7, 64, 1000]) func linesInAnyBatchesComeOutWholeAndInOrder(size: Int) throws {
        var rng = SplitMix64(seed: UInt64(size))
        var expected: [UInt8] = []
        var chunks: [[UInt8]] = []
        var out = ByteChunks(size: size)
        for _ in 0..<200 {
            var batch: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                batch += (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 97...122, using: &rng) }
                batch.append(0x0A)
            }
            expected += batch
            try out.append(lines: batch) { chunks.append($0) }
        }
        try out.finish { chunks.append($0) }
        #expect(chunks.joined().elementsEqual(expected))
        #expect(chunks.allSatisfy { $0.last == 0x0A })
        #expect(chunks.dropLast().allSatisfy { $0.count >= size })
        // A chunk holds no more than it needs: it ends at the first line end at or past its size.
        for chunk in chunks.dropLast() where chunk.count > size {
            #expect(!chunk[(size - 1)..<(chunk.count - 1)].contains(0x0A))
        }
        #expect(chunks.count > 1)
    }
}
