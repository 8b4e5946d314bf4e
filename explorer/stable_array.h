// StableArray: an append-only array whose elements never move once made. Another thread may read
// an element it was told about (by an index published after the element was written) while the
// owner goes on appending: that is how a delegated subtree is copied out of the delegating
// search's wakeup forest (explorer/wakeup_forest.h) without stopping it.
//
// Elements live in chunks of 1024, found through a two-level table: an array of pages, each page a
// table of 1024 chunks, all allocated when first needed, and elements are constructed as they are
// first used. So every index an int32 can name has a place, an empty array allocates nothing and
// a new chunk is not touched all at once (on this project's virtual machines every fresh page of
// memory costs about 10 us to fault in), and appending never touches a chunk or page pointer a
// reader may be following. clear() keeps the elements made, and what they own (an Event's
// footprint), for the next appends.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <stdexcept>
#include <utility>

namespace wqcheck {

template <typename T>
class StableArray {
 public:
  static constexpr std::size_t kMaxSize = std::size_t{1} << 31;

  StableArray() = default;
  ~StableArray() { destroy(); }
  StableArray(const StableArray&) = delete;
  StableArray& operator=(const StableArray&) = delete;
  // A moved-from array is empty.
  StableArray(StableArray&& other) noexcept { *this = std::move(other); }
  StableArray& operator=(StableArray&& other) noexcept {
    if (this == &other) return *this;
    destroy();
    pages_ = std::move(other.pages_);  // the table, not its entries: readers' pointers stay valid
    size_ = other.size_;
    constructed_ = other.constructed_;
    other.size_ = 0;
    other.constructed_ = 0;
    return *this;
  }

  std::size_t size() const { return size_; }

  const T& operator[](std::size_t i) const {
    return pages_[i >> (kChunkBits + kPageBits)][(i >> kChunkBits) & kPageMask].get()[i & kChunkMask];
  }
  T& operator[](std::size_t i) {
    return pages_[i >> (kChunkBits + kPageBits)][(i >> kChunkBits) & kPageMask].get()[i & kChunkMask];
  }

  // Makes room for one more element and returns its index. The element is default-constructed
  // the first time its place is used; after a clear() it is whatever was left there. A chunk is
  // only raw storage until its elements are made, so memory is touched as the array grows.
  std::size_t grow() {
    if (size_ == kMaxSize) throw std::length_error("stable array: more than 2^31 elements");
    if (size_ == constructed_) {
      if ((size_ & kChunkMask) == 0) {
        if (!pages_) pages_ = std::make_unique<Page[]>(kPages);
        Page& page = pages_[size_ >> (kChunkBits + kPageBits)];
        if (!page) page = std::make_unique<Chunk[]>(std::size_t{1} << kPageBits);
        page[(size_ >> kChunkBits) & kPageMask] =
            Chunk(static_cast<T*>(::operator new(sizeof(T) << kChunkBits, std::align_val_t{alignof(T)})));
      }
      new (&(*this)[size_]) T();
      ++constructed_;
    }
    return size_++;
  }

  // Forgets the elements; their places, and what the elements there own, are kept for the next
  // grow().
  void clear() { size_ = 0; }

 private:
  static constexpr std::size_t kChunkBits = 10;
  static constexpr std::size_t kPageBits = 10;
  static constexpr std::size_t kPages = kMaxSize >> (kChunkBits + kPageBits);
  static constexpr std::size_t kChunkMask = (std::size_t{1} << kChunkBits) - 1;
  static constexpr std::size_t kPageMask = (std::size_t{1} << kPageBits) - 1;
  // Raw storage for a chunk's elements; the array destroys those it made.
  struct FreeStorage {
    void operator()(T* p) const { ::operator delete(p, std::align_val_t{alignof(T)}); }
  };
  using Chunk = std::unique_ptr<T, FreeStorage>;
  using Page = std::unique_ptr<Chunk[]>;

  void destroy() {
    for (std::size_t i = constructed_; i-- > 0;) (*this)[i].~T();
    constructed_ = 0;
    size_ = 0;
  }

  std::unique_ptr<Page[]> pages_;  // kPages entries once the first element is made
  std::size_t size_ = 0;
  std::size_t constructed_ = 0;  // elements made so far (size_ or more)
};

}  // namespace wqcheck
