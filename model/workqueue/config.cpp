#include "model/workqueue/config.h"

namespace wqcheck::wq {

namespace {

template <typename E>
std::optional<E> parse_by_name(const std::string& s, const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> variant_names() { return {"prepatch", "deferred", "claim", "deferred_claim"}; }
std::vector<std::string> culler_names() { return {"mainline", "seed"}; }
std::vector<std::string> pool_kind_names() { return {"unbound", "percpu"}; }
std::vector<std::string> expiry_names() { return {"nondet", "clock"}; }

std::string variant_name(Variant v) { return variant_names()[static_cast<int>(v)]; }
std::string culler_name(Culler c) { return culler_names()[static_cast<int>(c)]; }
std::string pool_kind_name(PoolKind p) { return pool_kind_names()[static_cast<int>(p)]; }
std::string expiry_name(Expiry e) { return expiry_names()[static_cast<int>(e)]; }

std::optional<Variant> parse_variant(const std::string& s) { return parse_by_name<Variant>(s, variant_names()); }
std::optional<Culler> parse_culler(const std::string& s) { return parse_by_name<Culler>(s, culler_names()); }
std::optional<PoolKind> parse_pool_kind(const std::string& s) { return parse_by_name<PoolKind>(s, pool_kind_names()); }
std::optional<Expiry> parse_expiry(const std::string& s) { return parse_by_name<Expiry>(s, expiry_names()); }

}  // namespace wqcheck::wq
