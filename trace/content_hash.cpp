#include "trace/content_hash.h"

#include <xxhash.h>

#include <fmt/format.h>

namespace wqcheck::trace {

std::string content_hash(const nlohmann::json& document) {
  const std::string canonical = document.dump();
  const XXH64_hash_t hash = XXH64(canonical.data(), canonical.size(), 0);
  return fmt::format("xxh64:{:016x}", static_cast<unsigned long long>(hash));
}

}  // namespace wqcheck::trace
