// StableArray: an append-only array whose elements never move once made. Another thread may read
// an element it was told about (by an index published after the element was written) while the
// owner goes on appending: that is how a delegated subtree is copied out of the delegating
// search's wakeup forest (explorer/wakeup_forest.h) without stopping it.
//
// Elements live in chunks of 1024, found through a two-level table: an array of pages, each page a
// table of 1024 chunks, all allocated when first needed. So every index an int32 can name has a
// place, an empty array allocates nothing (a search makes many that stay empty or are replaced by
// a move, and on this project's virtual machines every fresh page of memory costs about 10 us to
// fault in), and appending never touches a chunk or page pointer a reader may be following. Shrinking (clear) keeps the chunks, and the elements in them, for
// the next appends: elements that own storage (an Event's footprint) keep it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <utility>

namespace wqcheck {

template <typename T>
class StableArray {
 public:
  static constexpr std::size_t kMaxSize = std::size_t{1} << 31;

  StableArray() = default;
  StableArray(const StableArray&) = delete;
  StableArray& operator=(const StableArray&) = delete;
  // A moved-from array is empty.
  StableArray(StableArray&& other) noexcept { *this = std::move(other); }
  StableArray& operator=(StableArray&& other) noexcept {
    if (this == &other) return *this;
    pages_ = std::move(other.pages_);  // the table, not its entries: readers' pointers stay valid
    size_ = other.size_;
    made_ = other.made_;
    other.size_ = 0;
    other.made_ = 0;
    return *this;
  }

  std::size_t size() const { return size_; }

  const T& operator[](std::size_t i) const {
    return pages_[i >> (kChunkBits + kPageBits)][(i >> kChunkBits) & kPageMask][i & kChunkMask];
  }
  T& operator[](std::size_t i) {
    return pages_[i >> (kChunkBits + kPageBits)][(i >> kChunkBits) & kPageMask][i & kChunkMask];
  }

  // Makes room for one more element and returns its index. The element is default-constructed
  // if its chunk is new; otherwise it is whatever a clear() left there.
  std::size_t grow() {
    if (size_ == kMaxSize) throw std::length_error("stable array: more than 2^31 elements");
    if ((size_ & kChunkMask) == 0 && size_ == made_) {
      if (!pages_) pages_ = std::make_unique<Page[]>(kPages);
      Page& page = pages_[size_ >> (kChunkBits + kPageBits)];
      if (!page) page = std::make_unique<Chunk[]>(std::size_t{1} << kPageBits);
      page[(size_ >> kChunkBits) & kPageMask] = std::make_unique<T[]>(std::size_t{1} << kChunkBits);
      made_ += std::size_t{1} << kChunkBits;
    }
    return size_++;
  }

  // Forgets the elements; their chunks are kept for the next grow().
  void clear() { size_ = 0; }

 private:
  static constexpr std::size_t kChunkBits = 10;
  static constexpr std::size_t kPageBits = 10;
  static constexpr std::size_t kPages = kMaxSize >> (kChunkBits + kPageBits);
  static constexpr std::size_t kChunkMask = (std::size_t{1} << kChunkBits) - 1;
  static constexpr std::size_t kPageMask = (std::size_t{1} << kPageBits) - 1;
  using Chunk = std::unique_ptr<T[]>;
  using Page = std::unique_ptr<Chunk[]>;

  std::unique_ptr<Page[]> pages_;  // kPages entries once the first element is made
  std::size_t size_ = 0;
  std::size_t made_ = 0;  // elements the allocated chunks hold
};

}  // namespace wqcheck
